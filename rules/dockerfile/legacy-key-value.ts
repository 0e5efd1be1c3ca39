import { defineRule, properties, type DfInstruction } from '../kit/index.js';

export default defineRule({
  meta: {
    id: 'dockerfile/legacy-key-value',
    kind: 'dockerfile',
    category: 'deprecated',
    severity: 'warning',
    fix: 'safe',
    summary: '`ENV` and `LABEL` use `key=value`, not the legacy `key value` form',
    compat: { buildkit: ['LegacyKeyValueFormat'] },
  },
  check(ctx) {
    const text = ctx.file.text;
    const check = (ins: DfInstruction): void => {
      if (ins.keyword !== 'ENV' && ins.keyword !== 'LABEL') return;
      for (const p of properties(ins)) {
        if (p.operator || p.value === undefined || !p.valueSpan) continue;
        const gap = { start: p.nameSpan.end, end: p.valueSpan.start };
        const raw = text.slice(p.valueSpan.start, p.valueSpan.end);
        const fix = fixFor(raw, gap, text.slice(gap.start, gap.end));
        ctx.report({
          range: p.nameSpan,
          message: `"${ins.keyword} ${p.name} …" uses the legacy space-separated form; write ${ins.keyword} ${p.name}=…, which is unambiguous and allows several pairs`,
          ...(fix ? { fix } : {}),
        });
      }
    };
    for (const ins of ctx.dockerfile.instructions) {
      check(ins);
      if (ins.trigger) check(ins.trigger);
    }
  },
});

/**
 * The edit to `key=value`. In the legacy form the value is the rest of the
 * line, spaces included; in `key=value` an unquoted space ends the value, so a
 * value with one gets double quotes. Values with quotes, escapes or line
 * continuations are left for a person.
 */
function fixFor(raw: string, gap: { start: number; end: number }, gapText: string) {
  if (!/^[ \t]+$/.test(gapText) || /[\r\n]/.test(raw)) return undefined;
  const assign = { start: gap.start, end: gap.end, text: '=' };
  if (!/\s/.test(raw) || /^"[^"\\`$]*"$|^'[^']*'$/.test(raw)) return { description: 'use key=value', edits: [assign] };
  if (/["'\\`]/.test(raw)) return undefined;
  return { description: 'use key="value"', edits: [assign, { start: gap.end, end: gap.end, text: '"' }, { start: gap.end + raw.length, end: gap.end + raw.length, text: '"' }] };
}
