import { defineRule, overriddenInstructions, removeInstructionEdit } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/single-entrypoint',
    kind: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    fix: 'none',
    summary: 'A stage has at most one `ENTRYPOINT`: only the last one takes effect',
    compat: { hadolint: ['DL4004'], buildkit: ['MultipleInstructionsDisallowed'] },
  },
  check(ctx) {
    for (const stage of ctx.dockerfile.stages) {
      for (const { ins, last } of overriddenInstructions(stage, 'ENTRYPOINT')) {
        const line = ctx.file.lines.position(last.start).line;
        ctx.report({
          range: ins.keywordSpan,
          message: `this ENTRYPOINT is overridden by the ENTRYPOINT on line ${line}: only the last one in a stage sets the entrypoint`,
          suggestions: [{ description: 'remove the overridden ENTRYPOINT', edits: [removeInstructionEdit(ins)] }],
        });
      }
    }
  },
});
