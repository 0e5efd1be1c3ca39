import { defineRule, shadowedCasePatterns } from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/case-pattern-shadowed',
    kind: 'shell',
    category: 'shell',
    severity: 'warning',
    fix: 'none',
    summary: 'No `case` pattern is made unreachable by an earlier pattern that matches everything it does',
    runBodies: true,
    compat: { shellcheck: ['SC2222', 'SC2221'] },
  },
  check(ctx) {
    for (const { pattern, by } of shadowedCasePatterns(ctx.shell)) {
      const line = ctx.file.lines.position(by.node.start).line;
      ctx.report({
        node: pattern.node,
        // ShellCheck's SC2222 is on the pattern that never matches (its SC2221, on the earlier one, we do not repeat)
        compat: 'SC2222',
        message: `the pattern ${pattern.node.text} never matches: ${by.node.text} on line ${line} comes first and matches everything it does`,
      });
    }
  },
});
