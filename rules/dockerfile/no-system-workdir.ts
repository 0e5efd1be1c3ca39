import { defineRule } from '../kit/index.js';

/** Folders that belong to the operating system. */
const SYSTEM_DIRS = new Set([
  '/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/libx32', '/proc', '/run', '/sbin', '/sys', '/usr', '/usr/bin',
  '/usr/sbin', '/usr/lib', '/usr/lib32', '/usr/lib64', '/usr/libexec', '/usr/include', '/usr/share', '/var', '/var/lib',
  '/var/run',
]);

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/no-system-workdir',
    kind: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fix: 'none',
    summary: '`WORKDIR` is not a system directory (`/`, `/usr`, `/etc`, `/bin`, …)',
    tags: ['security'],
    securitySeverity: 4.0,
  },
  check(ctx) {
    for (const stage of ctx.dockerfile.stages) {
      const list = stage.instructions;
      list.forEach((ins, i) => {
        if (ins.keyword !== 'WORKDIR') return;
        const arg = ins.args[0];
        if (!arg) return;
        const dir = arg.value.replace(/^["']|["']$/g, '');
        const norm = dir.length > 1 ? dir.replace(/\/+$/, '') : dir;
        if (SYSTEM_DIRS.has(norm)) {
          ctx.report({
            node: arg,
            message: `WORKDIR ${dir} is a system directory: the application's files and relative COPYs land among the operating system's; use a folder of its own such as /app`,
          });
          return;
        }
        if (norm !== '/') return;
        // WORKDIR / is the default; it matters when files are then copied relative to it
        const next = list.slice(i + 1);
        const stop = next.findIndex((n) => n.keyword === 'WORKDIR');
        const copy = (stop < 0 ? next : next.slice(0, stop)).find(
          (n) => (n.keyword === 'COPY' || n.keyword === 'ADD') && n.args.length >= 2 && !n.args.at(-1)!.value.startsWith('/'),
        );
        if (copy) {
          ctx.report({
            node: arg,
            message: `WORKDIR / makes the relative ${copy.keyword} on line ${ctx.file.lines.position(copy.start).line} write into the root of the file system; use a folder of its own such as /app`,
          });
        }
      });
    }
  },
});
