import { defineRule, type SourceFile, type TextEdit, type YPair } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/no-obsolete-version',
    kind: 'compose',
    category: 'style',
    severity: 'warning',
    fix: 'safe',
    summary: 'The file has no top-level `version`, which the Compose Specification ignores',
    compat: { dclint: ['no-version-field'] },
  },
  check(ctx) {
    const pair = ctx.compose.root?.pair('version');
    if (!pair || pair.merged) return;
    const shown = pair.value.type === 'scalar' && pair.value.value !== null ? ` "${String(pair.value.value)}"` : '';
    const edit = removeLine(ctx.file, pair);
    ctx.report({
      node: pair.keyNode,
      message: `the top-level "version"${shown} is obsolete: compose ignores it and warns on every run`,
      ...(edit ? { fix: { description: 'remove the `version:` line', edits: [edit] } } : {}),
    });
  },
});

/**
 * The edit removing the whole lines a `version:` pair occupies, with their line
 * break, when nothing else is written on them (a trailing comment goes with it).
 */
function removeLine(file: SourceFile, pair: YPair): TextEdit | undefined {
  const { lines, text } = file;
  const first = lines.position(pair.keyNode.start);
  const last = lines.position(Math.max(pair.value.end, pair.keyNode.end));
  const start = lines.lineStarts[first.line - 1]!;
  if (text.slice(start, pair.keyNode.start).trim() !== '') return undefined; // `{version: "3", …}` on one line
  const lineEnd = lines.lineEnd(last.line);
  const after = text.slice(Math.max(pair.value.end, pair.keyNode.end), lineEnd).trim();
  if (after !== '' && !after.startsWith('#')) return undefined;
  const next = lines.lineStarts[last.line] ?? text.length;
  return { start, end: next, text: '' };
}
