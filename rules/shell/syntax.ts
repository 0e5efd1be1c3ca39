import { defineRule } from '../kit/index.js';

/**
 * Reported by the parse stage, for scripts and `RUN` bodies: only when both
 * tree-sitter and mvdan/sh reject the text, with mvdan/sh's message and position.
 */
export default defineRule({
  meta: {
    id: 'shell/syntax',
    kind: 'shell',
    category: 'syntax',
    severity: 'error',
    fix: 'none',
    summary: 'The script parses as the shell its shebang names',
    runBodies: true,
  },
});
