/**
 * Small helpers over `runInstructions` (`packages.ts`) for the cache-hygiene
 * rules: is a cache directory mounted, is it removed.
 */
import type { ShCommand } from '../shell/types.js';
import type { RunInstruction } from './packages.js';

/** The `RUN` mounts a cache or a tmpfs on one of the directories, or on a folder above or below one. */
export function mountsCacheOn(run: Pick<RunInstruction, 'mounts'>, dirs: readonly string[]): boolean {
  const norm = (p: string): string => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  return run.mounts.some((m) => {
    if ((m.type !== 'cache' && m.type !== 'tmpfs') || !m.target) return false;
    const t = norm(m.target.replace(/^(["'])(.*)\1$/, '$2'));
    return dirs.some((d) => {
      const dir = norm(d);
      return t === dir || t === '/' || dir.startsWith(`${t}/`) || t.startsWith(`${dir}/`);
    });
  });
}

/** The `rm` command that removes one of the paths (or everything below it: `/var/cache/yum/*`). */
export function removesPath(commands: readonly ShCommand[], ...paths: string[]): ShCommand | undefined {
  return commands.find(
    (c) =>
      c.name?.split('/').pop() === 'rm' &&
      c.args.some((a) => {
        const v = (a.value ?? a.raw).replace(/\/\*+$/, '').replace(/\/+$/, '');
        return paths.some((p) => v === p || v.startsWith(`${p}/`));
      }),
  );
}
