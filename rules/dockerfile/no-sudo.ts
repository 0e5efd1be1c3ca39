import { defineRule, runInstructions } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/no-sudo',
    kind: 'dockerfile',
    category: 'best-practice',
    severity: 'error',
    fix: 'none',
    summary: '`RUN` does not use `sudo`',
    compat: { hadolint: ['DL3004'] },
  },
  check(ctx) {
    for (const view of runInstructions(ctx.dockerfile)) {
      for (const cmd of view.commands) {
        const sudo = cmd.words.find((w) => w.value === 'sudo' || w.value?.endsWith('/sudo'));
        if (!sudo || (cmd.name !== 'sudo' && !cmd.wrappers.includes('sudo'))) continue;
        ctx.report({
          node: sudo,
          message: 'sudo in RUN: build steps already run as the current USER, and sudo adds a TTY and PAM layer that behaves unpredictably; switch with USER, or use gosu/su-exec at run time',
        });
      }
    }
  },
});
