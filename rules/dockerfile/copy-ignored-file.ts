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
    const doc = ctx.dockerfile;
    // The .dockerignore of each context the repository builds it from (compose, docker build, CI, bake); else the one beside it.
    const contexts = ctx.stack.buildContextsOf(doc.file.path);
    const checks = contexts.length
      ? contexts.map((c) => ({ source: c.dockerignore, where: sameAsOwn(doc, c) ? '' : ` (${shown(doc.file, c.context) || '.'}, as ${shown(doc.file, c.at.file)}:${c.at.line} builds it)` }))
      : [{ source: doc.dockerignore, where: '' }];
    for (const { source, where } of checks) {
      if (!source) continue;
      const ignore = parseDockerIgnore(source.text);
      if (!ignore.patterns.length) continue;
      const ignoreName = path.basename(source.path);
      for (const ins of doc.instructions) {
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
            message: `"${v}" is excluded from the build context${where} by ${ignoreName} line ${by.line} ("${by.pattern}"), so ${ins.keyword} cannot find it`,
          });
        }
      }
    }
  },
});

/** The context is the Dockerfile's own folder and follows the `.dockerignore` found beside it: nothing to add to the message. */
function sameAsOwn(doc: { file: { path: string }; dockerignore: { path: string } | undefined }, c: { context: string; dockerignore: { path: string } | undefined }): boolean {
  return c.context === path.dirname(doc.file.path) && c.dockerignore?.path === doc.dockerignore?.path;
}

/** A path as the report shows the Dockerfile's: relative to the folder the run started in. */
function shown(file: { path: string; relPath: string }, target: string): string {
  const inside = !file.relPath.startsWith('..') && file.path.endsWith(file.relPath);
  const root = inside ? file.path.slice(0, file.path.length - file.relPath.length) : path.dirname(file.path);
  return path.relative(root, target).split(path.sep).join('/');
}
