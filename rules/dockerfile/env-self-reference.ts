import { defineRule, escapeOf, properties, variableRefs, type DfInstruction } from '../kit/index.js';

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
        const text = p.valueSpan ? ins.file.text.slice(p.valueSpan.start, p.valueSpan.end) : '';
        if (p.valueSpan) {
          for (const ref of variableRefs(text, p.valueSpan.start, escapeOf(ins))) {
            if (!defined.has(ref.name)) continue;
            ctx.report({
              range: ref,
              message: `$${ref.name} is set earlier in this same ENV, but every value of one ENV is expanded before any is set, so it gets the old value; move ${p.name} to its own ENV`,
            });
          }
        }
        // `ENV VERSION=${VERSION}` (an ARG passed on): the new value is the old one, so later pairs see no change.
        if (!keepsOldValue(p.name, text)) defined.add(p.name);
      }
    };
    for (const ins of ctx.dockerfile.instructions) {
      check(ins);
      if (ins.trigger) check(ins.trigger);
    }
  },
});

/** The value is the variable itself, `$NAME`, `${NAME}` or `"${NAME}"`, nothing else. */
function keepsOldValue(name: string, text: string): boolean {
  const m = /^"?\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))"?$/.exec(text);
  return m !== null && (m[1] ?? m[2]) === name && (text.startsWith('"') === text.endsWith('"'));
}
