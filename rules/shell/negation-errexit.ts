import { defineRule, errexitTracker, statementsNotReturned } from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/negation-errexit',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'none',
    summary: 'Under `set -e`, a `! command` statement whose status nothing checks is not relied on to stop the script',
    runBodies: true,
    compat: { shellcheck: ['SC2251'] },
  },
  check(ctx) {
    const errexit = errexitTracker(ctx.shell);
    for (const statement of statementsNotReturned(ctx.shell.root)) {
      if (statement.type !== 'negated_command' || !errexit(statement.start)) continue;
      const name = statement.children.find((c) => c.named)?.text.split(/\s/)[0] ?? '';
      ctx.report({
        node: statement.children[0]!,
        message: `set -e ignores the status of a negated command, so the script goes on when ${name} succeeds; write ${name} … && exit 1, or test it with if`,
      });
    }
  },
});
