import { defineRule, positionalArgs, runInstructions } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/use-shell-instruction',
    kind: 'dockerfile',
    category: 'best-practice',
    severity: 'warning',
    fix: 'none',
    summary: 'The default shell is changed with `SHELL`, not by relinking `/bin/sh`',
    compat: { hadolint: ['DL4005'] },
  },
  check(ctx) {
    for (const view of runInstructions(ctx.dockerfile)) {
      for (const cmd of view.commands) {
        if (cmd.name?.split('/').pop() !== 'ln') continue;
        const target = positionalArgs(cmd, { withValue: ['-t', '--target-directory', '-S', '--suffix'] }).at(-1);
        if (target?.value !== '/bin/sh') continue;
        ctx.report({
          node: target,
          message: 'relinking /bin/sh changes the shell of every later RUN, and of the running container, behind the Dockerfile\'s back; use SHELL ["/bin/bash", "-c"] instead',
        });
      }
    }
  },
});
