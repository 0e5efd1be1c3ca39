import { defineRule } from '../../src/engine/define.js';
import type { DfInstruction } from '../../src/parse/dockerfile/types.js';

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/dockerignore',
    kind: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fix: 'none',
    summary: 'A build context that is copied whole (`COPY . .`, `ADD .`) has a `.dockerignore`',
    // Medium: what leaks (`.env`, keys, `.git`) depends on what the context holds.
    securitySeverity: 5.0,
  },
  check(ctx) {
    const doc = ctx.dockerfile;
    const ignore = doc.dockerignore;
    if (ignore && ignore.text.split(/\r?\n/).some((l) => l.trim() !== '' && !l.trim().startsWith('#'))) return;
    for (const written of doc.instructions) {
      const ins = written.trigger ?? written;
      const source = wholeContextSource(ins);
      if (!source) continue;
      ctx.report({
        node: source,
        message: ignore
          ? `${ins.keyword} copies the whole build context, and the .dockerignore beside this Dockerfile excludes nothing; exclude .git, .env files, keys, node_modules and build output`
          : `${ins.keyword} copies the whole build context, and there is no .dockerignore beside this Dockerfile, so .git, .env files, keys, node_modules and build output go into the image`,
      });
      return; // once per Dockerfile
    }
  },
});

/** The `.` (or `./`, `*`) source of a COPY/ADD from the build context. */
function wholeContextSource(ins: DfInstruction) {
  if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') return undefined;
  if (ins.flags.some((f) => f.name.toLowerCase() === 'from')) return undefined;
  if (ins.args.length < 2) return undefined;
  return ins.args.slice(0, -1).find((a) => a.value === '.' || a.value === './' || a.value === '*' || a.value === './*');
}
