import { defineRule, type Span, type YNode, type YScalar } from '../kit/index.js';

const COMMAND_KEYS = new Set(['command', 'entrypoint', 'test']);

export default defineRule<'compose', { ignore: string[] }>({
  meta: {
    id: 'compose/env-interpolation',
    kind: 'compose',
    category: 'correctness',
    severity: 'warning',
    fix: 'none',
    summary: 'Variables are interpolated with valid syntax and are defined in `.env` or `.env.example`',
    recommended: false,
    options: {
      type: 'object',
      properties: { ignore: { type: 'array', items: { type: 'string' }, uniqueItems: true, default: [] } },
      additionalProperties: false,
    },
  },
  check(ctx) {
    const doc = ctx.compose;
    if (!doc.root) return;
    const ignore = new Set(ctx.options.ignore);
    const reported = new Set<string>();
    // What the projects of this file declare besides: their env files and templates, the CI environment that runs them.
    const projects = (ctx.project?.group ?? []).filter((p) => p.files.some((f) => f.file.path === doc.file.path));
    const declared = new Set(projects.flatMap((p) => [...(p.origin?.variables ?? []), ...(p.origin?.envFileVariables ?? [])]));
    // A file only CI jobs run takes its variables from the job's environment (secrets, runner variables), which lint cannot see.
    const ciOnly = projects.length > 0 && projects.every((p) => p.origin?.ciOnly === true);
    const known = (name: string) => ciOnly || doc.env.has(name) || doc.envExample?.has(name) === true || declared.has(name) || ignore.has(name);
    const where = doc.hasDotenv
      ? doc.envExample
        ? '.env or .env.example'
        : '.env (there is no .env.example)'
      : doc.envExample
        ? '.env.example (there is no .env)'
        : '.env or .env.example (neither exists beside the file)';

    const visit = (scalar: YScalar, inCommand: boolean): void => {
      if (typeof scalar.value !== 'string' || !scalar.value.includes('$')) return;
      const text = scalar.value;
      const r = doc.interpolate(scalar);
      for (const e of r.errors) ctx.report({ range: inner(scalar, e.start, e.end), message: `${e.message}; write "$$" for a literal dollar sign` });
      if (r.errors.length) return;
      for (const ref of r.references) {
        if (ref.defined || known(ref.name)) continue;
        const needsValue = ref.operator === undefined || ref.operator === '?' || ref.operator === ':?';
        if (!needsValue || reported.has(ref.name)) continue;
        reported.add(ref.name);
        const written = text.slice(ref.start, ref.end);
        const range = inner(scalar, ref.start, ref.end);
        if (ref.operator === '?' || ref.operator === ':?') {
          ctx.report({ range, message: `"${written}" makes ${ref.name} required, but it is not defined in ${where}: compose refuses to start without it` });
        } else if (inCommand && !written.startsWith('${')) {
          ctx.report({
            range,
            message: `"${written}" is replaced by compose from the host environment when the file loads (${ref.name} is not in ${where}); write "$${written}" if the container's shell should expand it`,
          });
        } else {
          ctx.report({ range, message: `${ref.name} is not defined in ${where}, so compose substitutes an empty string unless the shell exports it` });
        }
      }
      // A `$` compose keeps as a literal today (`$1`, `$(`, a trailing `$`) — older versions refuse it.
      for (let i = 0; i < text.length; i++) {
        if (text[i] !== '$') continue;
        const next = text[i + 1];
        if (next === '$') {
          i++;
          continue;
        }
        if (next === '{' || (next !== undefined && /[A-Za-z_]/.test(next))) continue;
        const shown = text.slice(i, i + 2);
        ctx.report({ range: inner(scalar, i, i + 1), message: `"${shown}" has a "$" that does not start a variable: write "$$" for a literal dollar sign` });
      }
    };

    const seen = new Set<YNode>();
    const walk = (node: YNode, inCommand: boolean): void => {
      if (seen.has(node)) return;
      seen.add(node);
      if (node.type === 'scalar') visit(node, inCommand);
      else if (node.type === 'seq') for (const item of node.items) walk(item, inCommand);
      else for (const p of node.pairs) walk(p.value, inCommand || COMMAND_KEYS.has(p.key));
    };
    walk(doc.root, false);
  },
});

/** Offsets [from, to) of a scalar's value as a source range, when the value is written verbatim. */
function inner(node: YScalar, from: number, to: number): Span {
  const value = String(node.value);
  let offset = -1;
  if (node.style === 'plain' && node.source === value) offset = 0;
  else if ((node.style === 'double' || node.style === 'single') && node.source.slice(1, -1) === value) offset = 1;
  if (offset < 0) return { start: node.start, end: node.end };
  return { start: node.start + offset + from, end: node.start + offset + to };
}
