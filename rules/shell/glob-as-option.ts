import { defineRule, leadingGlob } from '../kit/index.js';

/** Commands that print their operands and take no options after them. */
const PRINTERS = new Set(['echo', 'printf']);

export default defineRule<'shell'>({
  meta: {
    id: 'shell/glob-as-option',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'none',
    // off in recommended: a style; file names starting with "-" are rare where scripts run
    recommended: false,
    summary: 'A glob passed to a command does not start with `*` or `?`, which may match a file name the command reads as an option',
    runBodies: true,
    compat: { shellcheck: ['SC2035'] },
  },
  check(ctx) {
    for (const cmd of ctx.shell.commands) {
      if (!cmd.name || PRINTERS.has(cmd.name)) continue;
      for (const arg of cmd.args) {
        if (arg.value === '--' || arg.value === ':::' || arg.value === '::::') break;
        if (!leadingGlob(arg.node)) continue;
        ctx.report({
          node: arg,
          message: `${arg.raw} may expand to a file name that starts with "-", which ${cmd.name} would read as an option; write ./${arg.raw}, or put -- before it`,
        });
      }
    }
  },
});
