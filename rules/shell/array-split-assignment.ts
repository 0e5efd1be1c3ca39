import { defineRule, mayContain, type ShNode, walkNodes } from '../kit/index.js';

/** Special parameters that never split: `$#`, `$?`, `$$`, `$!`, `$-`. */
const ONE_WORD_SPECIALS = new Set(['#', '?', '$', '!', '-']);

export default defineRule<'shell'>({
  meta: {
    id: 'shell/array-split-assignment',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'none',
    // off in recommended: the corpus splits version and alias lists without blanks or glob characters on purpose
    recommended: false,
    summary: 'An array is not filled from an unquoted expansion, which splits on blanks and expands globs',
    runBodies: true,
    compat: { shellcheck: ['SC2206'] },
  },
  check(ctx) {
    if (!mayContain(ctx.shell.root, 'array')) return;
    walkNodes(ctx.shell.root, (n) => {
      if (n.type !== 'array') return;
      for (const item of n.children) {
        for (const part of item.type === 'concatenation' ? item.children : [item]) {
          if (!splits(part)) continue;
          ctx.report({
            node: part,
            message: `unquoted ${part.text} in an array is split on blanks and glob-expanded into elements; quote it for one element, or split it on purpose with read -ra or mapfile`,
          });
        }
      }
    });
  },
});

/** An unquoted parameter expansion that can give several words: not a length, not `$?`-like. */
function splits(n: ShNode): boolean {
  if (n.type !== 'simple_expansion' && n.type !== 'expansion') return false;
  const inner = n.children.filter((c) => c.type !== '$' && c.type !== '${' && c.type !== '}');
  const first = inner[0];
  if (!first) return false;
  if (!first.named && first.type === '#') return false; // ${#x}
  if (first.type === 'special_variable_name' && ONE_WORD_SPECIALS.has(first.text)) return false;
  return true;
}
