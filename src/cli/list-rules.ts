import type { RulePack } from '../core/rule.js';

/** `--list-rules`: every rule of every pack, as a table or as JSON. */
export function formatRuleList(packs: readonly RulePack[], format: 'pretty' | 'json'): string {
  const rules = packs
    .flatMap((p) =>
      p.rules.map((r) => ({
        id: r.meta.id,
        pack: p.meta.name,
        kind: r.meta.kind,
        category: r.meta.category,
        severity: r.meta.severity,
        recommended: r.meta.recommended !== false,
        fix: r.meta.fix,
        summary: r.meta.summary,
        compat: r.meta.compat ?? {},
        docs: r.meta.docsUrl ?? null,
      })),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (format === 'json') return `${JSON.stringify({ version: 1, rules }, null, 2)}\n`;
  const width = Math.max(...rules.map((r) => r.id.length));
  const lines = rules.map((r) => {
    const flags = [r.severity, r.fix !== 'none' ? `fix:${r.fix}` : '', r.recommended ? '' : 'off by default'].filter(Boolean).join(', ');
    return `${r.id.padEnd(width)}  ${r.summary} (${flags})`;
  });
  return `${lines.join('\n')}\n\n${rules.length} rules\n`;
}
