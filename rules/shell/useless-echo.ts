import { defineRule } from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/useless-echo',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'none',
    // off in recommended: a style point, and unquoted `echo $(cmd)` also joins lines on purpose
    recommended: false,
    summary: '`echo $(cmd)` is not used to print what `cmd` prints',
    runBodies: true,
    compat: { shellcheck: ['SC2005'] },
  },
  check(ctx) {
    for (const cmd of ctx.shell.commands) {
      if (cmd.name !== 'echo' || cmd.wrappers.length || cmd.args.length !== 1) continue;
      const arg = cmd.args[0]!.node;
      const parts = arg.type === 'string' ? arg.children.filter((c) => c.named) : [arg];
      if (parts.length !== 1 || parts[0]!.type !== 'command_substitution') continue;
      ctx.report({
        node: arg,
        message: `echo ${arg.text.length > 30 ? 'of a command substitution' : arg.text} prints what the command prints, through an extra step${arg.type === 'string' ? '' : ' that also squeezes its blanks and newlines'}; run the command itself`,
      });
    }
  },
});
