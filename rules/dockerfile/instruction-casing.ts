import { defineRule, DOCKERFILE_INSTRUCTIONS, type DfInstruction } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/instruction-casing',
    kind: 'dockerfile',
    category: 'style',
    severity: 'warning',
    fix: 'safe',
    summary: 'Instruction keywords are all upper-case or all lower-case, the same way throughout the file',
    compat: { buildkit: ['ConsistentInstructionCasing'] },
  },
  check(ctx) {
    // An unknown keyword is a syntax error, not an instruction to write in some case (a file taken for a
    // Dockerfile that is not one has nothing but those).
    const keywords: DfInstruction[] = ctx.dockerfile.instructions
      .flatMap((i) => (i.trigger ? [i, i.trigger] : [i]))
      .filter((i) => DOCKERFILE_INSTRUCTIONS.has(i.keyword));
    let lower = 0;
    let upper = 0;
    for (const k of keywords) {
      if (k.keywordText === k.keywordText.toLowerCase()) lower++;
      else if (k.keywordText === k.keywordText.toUpperCase()) upper++;
    }
    const toLower = lower > upper;
    for (const k of keywords) {
      const wanted = toLower ? k.keywordText.toLowerCase() : k.keywordText.toUpperCase();
      if (k.keywordText === wanted) continue;
      ctx.report({
        range: k.keywordSpan,
        message: `instruction "${k.keywordText}" should be ${toLower ? 'lower-case' : 'upper-case'} like ${toLower ? 'most' : 'the'} other instructions of this file`,
        fix: { description: `write ${wanted}`, edits: [{ ...k.keywordSpan, text: wanted }] },
      });
    }
  },
});
