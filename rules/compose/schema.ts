import { defineRule, validateComposeDocument } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/schema',
    kind: 'compose',
    category: 'syntax',
    severity: 'error',
    fix: 'none',
    summary: 'The file is valid against the Compose Specification schema',
    compat: { dclint: ['invalid-schema'] },
    timingPhase: 'schema',
  },
  check(ctx) {
    for (const issue of validateComposeDocument(ctx.compose)) ctx.report({ node: issue.node, message: issue.message });
  },
});
