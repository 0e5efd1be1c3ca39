import { defineRule, overriddenInstructions, removeInstructionEdit } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/single-healthcheck',
    kind: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    fix: 'none',
    summary: 'A stage has at most one `HEALTHCHECK`: only the last one takes effect',
    compat: { hadolint: ['DL3012'], buildkit: ['MultipleInstructionsDisallowed'] },
  },
  check(ctx) {
    for (const stage of ctx.dockerfile.stages) {
      for (const { ins, last } of overriddenInstructions(stage, 'HEALTHCHECK')) {
        const line = ctx.file.lines.position(last.start).line;
        ctx.report({
          range: ins.keywordSpan,
          message: `this HEALTHCHECK is overridden by the HEALTHCHECK on line ${line}: only the last one in a stage sets the health check`,
          suggestions: [{ description: 'remove the overridden HEALTHCHECK', edits: [removeInstructionEdit(ins)] }],
        });
      }
    }
  },
});
