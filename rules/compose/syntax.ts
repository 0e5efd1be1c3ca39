import { defineRule } from '../kit/index.js';

/** Reported by the parse stage: a compose file that is not valid YAML is not linted further. */
export default defineRule({
  meta: {
    id: 'compose/syntax',
    kind: 'compose',
    category: 'syntax',
    severity: 'error',
    fix: 'none',
    summary: 'The compose file is well-formed YAML',
  },
});
