import path from 'node:path';
import { cleanPath, copyArgs, defineRule, parseDockerIgnore } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/copy-ignored-file',
    kind: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    fix: 'none',
    summary: '`COPY`/`ADD` sources are not excluded from the build context by `.dockerignore`',
    compat: { buildkit: ['CopyIgnoredFile'] },
  },
  check(ctx) {
    const source = ctx.dockerfile.dockerignore;
    if (!source) return;
    const ignore = parseDockerIgnore(source.text);
    if (!ignore.patterns.length) return;
    const ignoreName = path.basename(source.path);

    for (const ins of ctx.dockerfile.instructions) {
      if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.flags.some((f) => f.name === 'from')) continue;
      const { sources, heredoc } = copyArgs(ins);
      if (heredoc) continue;
      for (const src of sources) {
        const v = src.value;
        if (v.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^git@/.test(v)) continue;
        const clean = cleanPath(v);
        if (clean === '.') continue;
        const glob = clean.search(/[*?[]/);
        // for a glob, only a literal directory prefix that is excluded as a whole can be judged
        const judged = glob < 0 ? clean : clean.slice(0, glob).replace(/\/[^/]*$/, '');
        if (!judged || judged === '.' || !ignore.ignores(judged) || ignore.mayReinclude(judged)) continue;
        const by = ignore.decidingPattern(judged)!;
        ctx.report({
          node: src,
          message: `"${v}" is excluded from the build context by ${ignoreName} line ${by.line} ("${by.pattern}"), so ${ins.keyword} cannot find it`,
        });
      }
    }
  },
});
