import { defineRule } from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/exit-status-range',
    kind: 'shell',
    category: 'shell',
    severity: 'error',
    fix: 'none',
    summary: '`exit` is given a status from 0 to 255',
    runBodies: true,
    compat: { shellcheck: ['SC2242'] },
  },
  check(ctx) {
    for (const cmd of ctx.shell.commands) {
      if (cmd.name !== 'exit' || cmd.wrappers.length) continue;
      const status = cmd.args[0];
      if (!status || status.value === undefined || /^\d+$/.test(status.value) && Number(status.value) <= 255) continue;
      const becomes = /^-?\d+$/.test(status.value) ? `the shell exits with ${(((Number(status.value) % 256) + 256) % 256)} instead` : 'the shell reports an error and exits with 2';
      ctx.report({ node: status, message: `exit status ${status.raw} is not a number from 0 to 255: ${becomes}` });
    }
  },
});
