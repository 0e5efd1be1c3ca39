import { defineRule, walkNodes, type ShNode } from '../kit/index.js';

/** Comparisons of `$?` with 0 that stand for "succeeded" or "failed". */
const COMPARISONS = new Set(['-eq', '-ne', '-gt', '=', '==', '!=']);

export default defineRule<'shell'>({
  meta: {
    id: 'shell/exit-status-check',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'none',
    // off in recommended: a style point; `$?` compared on the next line works
    recommended: false,
    summary: 'A command\'s success is tested directly (`if cmd`), not by comparing `$?` with 0 afterwards',
    runBodies: true,
    compat: { shellcheck: ['SC2181'] },
  },
  check(ctx) {
    walkNodes(ctx.shell.root, (n) => {
      if (!isStatus(n)) return;
      const parent = n.parent?.type === 'string' ? n.parent.parent : n.parent;
      const test = parent?.type === 'binary_expression' ? parent.parent : parent;
      const inTest = test?.type === 'test_command' || (test?.type === 'compound_statement' && test.children[0]?.type === '((');
      if (!inTest || !parent) return;
      if (parent.type === 'binary_expression') {
        const op = parent.children.find((c) => c.field === 'operator')?.text ?? '';
        const other = parent.children.find((c) => c.named && c.field !== 'operator' && c !== n && c !== n.parent);
        if (!COMPARISONS.has(op) || other?.text.replace(/"/g, '') !== '0') return;
      } else if (parent.type !== 'compound_statement') return;
      ctx.report({
        range: { start: n.start + n.text.indexOf('$'), end: n.end },
        message: `testing ${n.text.trim()} against 0 checks the previous command's status in a roundabout way that breaks when a command is added in between; test the command itself (if cmd; then … / if ! cmd; then …)`,
      });
    });
  },
});

/** `$?` or `${?}`. */
function isStatus(n: ShNode): boolean {
  if (n.type !== 'simple_expansion' && n.type !== 'expansion') return false;
  const inner = n.children.filter((c) => c.type !== '$' && c.type !== '${' && c.type !== '}');
  return inner.length === 1 && inner[0]!.type === 'special_variable_name' && inner[0]!.text === '?';
}
