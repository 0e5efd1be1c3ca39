import { defineRule, mayContain, walkNodes } from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/no-backticks',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'safe',
    summary: 'Command substitutions are written `$(…)`, not with backticks',
    runBodies: true,
    compat: { shellcheck: ['SC2006'] },
  },
  check(ctx) {
    if (!mayContain(ctx.shell.root, 'command_substitution')) return;
    walkNodes(ctx.shell.root, (n) => {
      if (n.type !== 'command_substitution' || n.children[0]?.type !== '`') return;
      const body = n.text.slice(1, -1);
      // Inside backticks a backslash escapes `$`, `` ` `` and `\`; in $(…) it does not, so such a body would change.
      // A body that starts with `(` would turn into `$((…))`, arithmetic.
      const fixable = n.text.endsWith('`') && !body.includes('\\') && !body.startsWith('(');
      ctx.report({
        node: n,
        message: 'write this command substitution as $(…): backticks do not nest without escaping, and backslashes inside them are easy to get wrong',
        ...(fixable ? { fix: { description: 'use $(…)', edits: [{ start: n.start, end: n.end, text: `$(${body})` }] } } : {}),
      });
    });
  },
});
