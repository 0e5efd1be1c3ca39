import { defineRule } from '../../src/engine/define.js';
import type { DfInstruction } from '../../src/parse/dockerfile/types.js';
import { escapeOf, properties, variableRefs } from '../../src/parse/dockerfile/words.js';

export default defineRule({
  meta: {
    id: 'dockerfile/env-self-reference',
    kind: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    fix: 'none',
    summary: 'An `ENV` value does not use a variable set earlier in the same `ENV` instruction',
    compat: { hadolint: ['DL3044'] },
  },
  check(ctx) {
    const check = (ins: DfInstruction): void => {
      if (ins.keyword !== 'ENV') return;
      const defined = new Set<string>();
      for (const p of properties(ins)) {
        if (p.valueSpan) {
          const text = ins.file.text.slice(p.valueSpan.start, p.valueSpan.end);
          for (const ref of variableRefs(text, p.valueSpan.start, escapeOf(ins))) {
            if (!defined.has(ref.name)) continue;
            ctx.report({
              range: ref,
              message: `$${ref.name} is set earlier in this same ENV, but every value of one ENV is expanded before any is set, so it gets the old value; move ${p.name} to its own ENV`,
            });
          }
        }
        defined.add(p.name);
      }
    };
    for (const ins of ctx.dockerfile.instructions) {
      check(ins);
      if (ins.trigger) check(ins.trigger);
    }
  },
});
