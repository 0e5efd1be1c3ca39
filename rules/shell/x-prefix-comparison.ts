import { defineRule, mayContain, type ShNode, walkNodes } from '../kit/index.js';

const COMPARISONS = new Set(['=', '==', '!=']);

export default defineRule<'shell'>({
  meta: {
    id: 'shell/x-prefix-comparison',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'none',
    // off in recommended: a style of old shells that still works
    recommended: false,
    summary: 'String comparisons in `[ ]` and `[[ ]]` do not prefix both sides with `x`, which no current shell needs',
    runBodies: true,
    compat: { shellcheck: ['SC2268'] },
  },
  check(ctx) {
    if (!mayContain(ctx.shell.root, 'binary_expression')) return;
    walkNodes(ctx.shell.root, (n) => {
      if (n.type !== 'binary_expression' || n.parent?.type !== 'test_command') return;
      const op = n.children.find((c) => c.field === 'operator');
      const left = n.children.find((c) => c.field === 'left');
      const right = n.children.find((c) => c.field === 'right');
      if (!op || !COMPARISONS.has(op.text) || !left || !right) return;
      if (!startsWithX(left) || !startsWithX(right) || !(expandsAfterX(left) || expandsAfterX(right))) return;
      ctx.report({
        node: left,
        message: `the "x" prefix in ${left.text} ${op.text} ${right.text} guards against shells that misread empty or dash-leading operands, which no current shell does; compare the values themselves, quoted`,
      });
    });
  },
});

/** The literal text the operand starts with, quotes looked through. */
function leadingText(n: ShNode): string {
  if (n.type === 'word' || n.type === 'string_content' || n.type === 'extglob_pattern') return n.text;
  if (n.type === 'raw_string') return n.text.slice(1);
  if (n.type === 'string' || n.type === 'concatenation') {
    const first = n.children.find((c) => c.named);
    return first ? leadingText(first) : '';
  }
  return '';
}

function startsWithX(n: ShNode): boolean {
  return /^x/i.test(leadingText(n)) && leadingText(n).length >= 1;
}

/** `x$var`, `"x$var"`, `x"$var"`: the x is followed directly by an expansion. */
function expandsAfterX(n: ShNode): boolean {
  if (!/^x$/i.test(leadingText(n))) return false;
  return /^["']?x["']?["]?\$/i.test(n.text);
}
