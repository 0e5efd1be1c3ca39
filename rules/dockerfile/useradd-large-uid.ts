import { defineRule, runInstructions, userAddCommand } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/useradd-large-uid',
    kind: 'dockerfile',
    category: 'image-size',
    severity: 'warning',
    fix: 'unsafe',
    summary: '`useradd` with a large UID passes `-l` (`--no-log-init`)',
    compat: { hadolint: ['DL3046'] },
  },
  check(ctx) {
    for (const view of runInstructions(ctx.dockerfile)) {
      for (const cmd of view.commands) {
        const add = userAddCommand(cmd);
        if (add?.tool !== 'useradd' || add.noLogInit || !add.uid?.value || !/^\d{6,}$/.test(add.uid.value) || !cmd.nameWord) continue;
        ctx.report({
          range: add.uid,
          message: `useradd with UID ${add.uid.value} and without -l writes a sparse lastlog/faillog sized by the UID, which can add gigabytes to the layer`,
          fix: { description: 'add -l (--no-log-init)', edits: [{ start: cmd.nameWord.end, end: cmd.nameWord.end, text: ' -l' }] },
        });
      }
    }
  },
});
