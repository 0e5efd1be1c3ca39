import { defineRule, overriddenInstructions, removeInstructionEdit } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/single-cmd',
    kind: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    fix: 'none',
    summary: 'A stage has at most one `CMD`: only the last one takes effect',
    compat: { hadolint: ['DL4003'], buildkit: ['MultipleInstructionsDisallowed'] },
  },
  check(ctx) {
    for (const stage of ctx.dockerfile.stages) {
      for (const { ins, last } of overriddenInstructions(stage, 'CMD')) {
        const line = ctx.file.lines.position(last.start).line;
        ctx.report({
          range: ins.keywordSpan,
          message: `this CMD is overridden by the CMD on line ${line}: only the last one in a stage sets the default command`,
          suggestions: [{ description: 'remove the overridden CMD', edits: [removeInstructionEdit(ins)] }],
        });
      }
    }
  },
});
