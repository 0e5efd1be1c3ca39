import { defineRule } from '../kit/index.js';

export default defineRule<'shell'>({
  meta: {
    id: 'shell/parse-ls',
    kind: 'shell',
    category: 'shell',
    severity: 'info',
    fix: 'none',
    // off in recommended: a style; `ls | wc -l` and the like are mostly safe on the names containers hold
    recommended: false,
    summary: "The output of `ls` is not piped to another command, which reads file names that hold blanks or newlines wrongly",
    runBodies: true,
    compat: { shellcheck: ['SC2012', 'SC2010'] },
  },
  check(ctx) {
    for (const cmd of ctx.shell.commands) {
      const pipeline = cmd.pipeline;
      if (cmd.name !== 'ls' || !cmd.nameWord || !pipeline) continue;
      // what `ls` is piped into: a command, or a loop or group (`ls | while read f; do …`)
      const parts = pipeline.node.children.filter((c) => c.named);
      const reader = parts[parts.findIndex((p) => p.start <= cmd.start && cmd.end <= p.end) + 1];
      if (!reader) continue;
      const next = pipeline.commands.find((c) => c.node === reader || c.node.parent === reader);
      if (next?.name === 'grep') {
        ctx.report({ node: cmd.nameWord, compat: 'SC2010', message: 'ls | grep splits file names at blanks and newlines; match with a glob (for f in *.log) or find -name instead' });
      } else {
        ctx.report({ node: cmd.nameWord, compat: 'SC2012', message: `ls | ${next?.name ?? reader.text.split(/\s/)[0]} reads file names one per line, which breaks on names with newlines; use find (find . -maxdepth 1 …) or a glob` });
      }
    }
  },
});
