import { defineRule, runInstructions, type DfInstruction, type RunInstruction } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/consecutive-run',
    kind: 'dockerfile',
    category: 'image-size',
    severity: 'info',
    fix: 'none',
    summary: 'Consecutive single-command `RUN`s with the same flags are merged into one',
    recommended: false,
    compat: { hadolint: ['DL3059'] },
  },
  check(ctx) {
    const views = new Map<DfInstruction, RunInstruction>(runInstructions(ctx.dockerfile).map((v) => [v.instruction, v]));
    for (const stage of ctx.dockerfile.stages) {
      let prev: RunInstruction | undefined;
      for (const ins of stage.instructions) {
        const view = ins.keyword === 'RUN' && !ins.execForm ? views.get(ins) : undefined;
        if (view && prev && sameFlags(prev.run, view.run) && commandCount(prev) <= 1 && commandCount(view) <= 1) {
          const line = ctx.file.lines.position(prev.run.start).line;
          ctx.report({
            range: ins.keywordSpan,
            message: `this RUN and the one on line ${line} each run a single command; joining them with && makes one layer instead of two`,
          });
        }
        prev = view;
      }
    }
  },
});

/** Top-level commands of the body (not those inside `$(…)` or `sh -c` strings). */
function commandCount(view: RunInstruction): number {
  if (!view.run.scripts.length) return Infinity;
  return view.commands.filter((c) => !c.outer && !c.inSubstitution).length;
}

function sameFlags(a: DfInstruction, b: DfInstruction): boolean {
  const key = (i: DfInstruction): string =>
    i.flags
      .map((f) => `${f.name}=${f.value ?? ''}`)
      .sort()
      .join(' ');
  return key(a) === key(b);
}
