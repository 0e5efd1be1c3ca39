import { defineRule } from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/useless-cat',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'none',
    // off in recommended: a style point that costs one process
    recommended: false,
    summary: '`cat file | cmd` is written `cmd < file`',
    runBodies: true,
    compat: { shellcheck: ['SC2002'] },
  },
  check(ctx) {
    for (const cmd of ctx.shell.commands) {
      const pipeline = cmd.pipeline;
      if (cmd.name !== 'cat' || cmd.wrappers.length || cmd.redirects.length || cmd.args.length !== 1 || !pipeline) continue;
      // the stages of the pipeline, loops and groups included (`cat f | while read …`)
      const stages = pipeline.node.children.filter((c) => c.named && c.type !== 'comment');
      if (stages[0] !== cmd.node || stages.length < 2) continue;
      const file = cmd.args[0]!;
      if (file.value !== undefined && file.value.startsWith('-')) continue;
      ctx.report({
        node: file,
        message: `cat ${file.raw} | … starts a process only to pass the file on; give it to the next command (cmd < ${file.raw} or cmd ${file.raw})`,
      });
    }
  },
});
