import path from 'node:path';
import { defineRule, type DfInstruction } from '../kit/index.js';

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
    const source = doc.instructions.map((written) => wholeContextSource(written.trigger ?? written)).find((s) => s !== undefined);
    if (!source) return;
    const keyword = source.keyword;
    // The contexts the repository builds it from (compose, docker build, CI, bake); else its own folder, as a plain `docker build .` beside it would.
    const contexts = ctx.stack.buildContextsOf(doc.file.path);
    if (!contexts.length) {
      const ignore = doc.dockerignore;
      if (excludesSomething(ignore?.text)) return;
      ctx.report({
        node: source.arg,
        message: ignore
          ? `${keyword} copies the whole build context, and the .dockerignore beside this Dockerfile excludes nothing; exclude .git, .env files, keys, node_modules and build output`
          : `${keyword} copies the whole build context, and there is no .dockerignore beside this Dockerfile, so .git, .env files, keys, node_modules and build output go into the image`,
      });
      return;
    }
    // A Dockerfile built from several contexts is checked against each.
    for (const c of contexts) {
      if (excludesSomething(c.dockerignore?.text)) continue;
      const folder = shown(doc.file, c.context) || '.';
      const by = `${shown(doc.file, c.at.file)}:${c.at.line}`;
      ctx.report({
        node: source.arg,
        message: c.dockerignore
          ? `${keyword} copies the whole build context (${folder}, as ${by} builds it), and its ${path.basename(c.dockerignore.path)} excludes nothing; exclude .git, .env files, keys, node_modules and build output`
          : `${keyword} copies the whole build context (${folder}, as ${by} builds it), which has no .dockerignore, so .git, .env files, keys, node_modules and build output go into the image`,
      });
    }
  },
});

function excludesSomething(text: string | undefined): boolean {
  return text !== undefined && text.split(/\r?\n/).some((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}

/** A path as the report shows the Dockerfile's: relative to the folder the run started in. */
function shown(file: { path: string; relPath: string }, target: string): string {
  const inside = !file.relPath.startsWith('..') && file.path.endsWith(file.relPath);
  const root = inside ? file.path.slice(0, file.path.length - file.relPath.length) : path.dirname(file.path);
  return path.relative(root, target).split(path.sep).join('/');
}

/** The `.` (or `./`, `*`) source of a COPY/ADD from the build context. */
function wholeContextSource(ins: DfInstruction) {
  if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') return undefined;
  if (ins.flags.some((f) => f.name.toLowerCase() === 'from')) return undefined;
  if (ins.args.length < 2) return undefined;
  const arg = ins.args.slice(0, -1).find((a) => a.value === '.' || a.value === './' || a.value === '*' || a.value === './*');
  return arg ? { keyword: ins.keyword, arg } : undefined;
}
