import { defineRule, sourceTarget } from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/unfollowed-source',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'none',
    // off in recommended: not a fault of the script, a limit of what the checks can read
    recommended: false,
    summary: 'A script sources files the checks can follow: a constant path to a script of the run',
    compat: { shellcheck: ['SC1090', 'SC1091'] },
  },
  check(ctx) {
    for (const cmd of ctx.shell.commands) {
      if ((cmd.name !== 'source' && cmd.name !== '.') || !cmd.args[0]) continue;
      const target = sourceTarget(ctx.stack, ctx.shell, cmd);
      if (target.kind === 'dynamic') {
        ctx.report({
          node: cmd.args[0],
          compat: 'SC1090',
          message: `${cmd.args[0].raw} is known only at run time, so the checks cannot read what it sets; name the file in a "# shellcheck source=path" comment above, or source=/dev/null`,
        });
      } else if (target.kind === 'missing') {
        ctx.report({
          node: cmd.args[0],
          compat: 'SC1091',
          message: `${target.path} is not a script of this run, so the checks cannot read what it sets; lint it too, point source-path= in .shellcheckrc at its folder, or write "# shellcheck source=/dev/null" above`,
        });
      }
    }
  },
});
