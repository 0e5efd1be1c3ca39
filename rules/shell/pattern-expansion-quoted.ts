import { defineRule, mayContain, walkNodes } from '../kit/index.js';

/** Operators that remove a prefix or suffix matching a pattern. */
const TRIMS = new Set(['#', '##', '%', '%%']);

export default defineRule<'shell'>({
  meta: {
    id: 'shell/pattern-expansion-quoted',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'none',
    // off in recommended: the corpus's one finding trims a separator with no glob characters, which works
    recommended: false,
    summary: 'An expansion in the pattern of `${x#…}` or `${x%…}` is quoted, so its value is removed as text, not matched as a glob',
    runBodies: true,
    compat: { shellcheck: ['SC2295'] },
  },
  check(ctx) {
    if (!mayContain(ctx.shell.root, 'expansion')) return;
    walkNodes(ctx.shell.root, (n) => {
      if (n.type !== 'expansion') return;
      const ops = n.children.filter((c) => c.field === 'operator');
      if (ops.length !== 1 || !TRIMS.has(ops[0]!.text)) return;
      const pattern = n.children[n.children.indexOf(ops[0]!) + 1];
      if (!pattern || pattern.type === '}') return;
      const at = firstUnquotedExpansion(pattern.text);
      if (at < 0) return;
      const shown = /^\$(?:\{[^}]*\}|\([^)]*\)|[A-Za-z_][A-Za-z0-9_]*|\d)/.exec(pattern.text.slice(at))?.[0] ?? '$';
      ctx.report({
        range: { start: pattern.start + at, end: pattern.start + at + shown.length },
        message: `${shown} in the pattern of ${n.text} is unquoted, so a *, ? or [ in its value acts as a glob; write "${shown}" to remove the value as it is`,
      });
    });
  },
});

/** Offset of the first `$name`, `${`, `$(` or `$1` outside quotes, or -1. */
function firstUnquotedExpansion(text: string): number {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      i++;
    } else if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '$' && /[A-Za-z0-9_{(]/.test(text[i + 1] ?? '')) {
      return i;
    }
  }
  return -1;
}
