import { defineRule, runInstructions, type ShCommand } from '../kit/index.js';

type Tool = 'curl' | 'wget';
const toolOf = (cmd: ShCommand): Tool | undefined => {
  const base = cmd.name?.split('/').pop();
  return base === 'curl' || base === 'wget' ? base : undefined;
};

export default defineRule({
  meta: {
    id: 'dockerfile/wget-and-curl',
    kind: 'dockerfile',
    category: 'image-size',
    severity: 'warning',
    fix: 'none',
    summary: 'A stage downloads with either `wget` or `curl`, not both',
    compat: { hadolint: ['DL4001'] },
  },
  check(ctx) {
    const runs = runInstructions(ctx.dockerfile).filter((r) => !r.onbuild);
    for (const stage of ctx.dockerfile.stages) {
      /** The first call of each tool in the stage. */
      const first = new Map<Tool, ShCommand>();
      for (const run of runs.filter((r) => r.stage === stage)) {
        const calls = run.commands.filter((c) => toolOf(c) && c.nameWord);
        for (const c of calls) if (!first.has(toolOf(c)!)) first.set(toolOf(c)!, c);
        if (!calls.length || first.size < 2) continue;
        // the tool the stage started with, and the call (in this RUN) of the other one, else this RUN's first call
        const [original] = [...first.entries()].sort((a, b) => a[1].start - b[1].start)[0]!;
        const at = calls.find((c) => toolOf(c) !== original) ?? calls[0]!;
        const tool = toolOf(at)!;
        const other: Tool = tool === 'curl' ? 'wget' : 'curl';
        const line = ctx.file.lines.position(first.get(other)!.start).line;
        ctx.report({
          node: at.nameWord!,
          message: `this stage already uses ${other} (line ${line}); installing and using both ${tool} and ${other} adds a tool the image does not need`,
        });
      }
    }
  },
});
