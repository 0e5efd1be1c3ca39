import type { LintResult } from '../core/result.js';

/**
 * `--statistics`: how many findings each rule has, most first, and how many of
 * them `--fix` can fix, as Ruff's `--statistics` and ESLint's summaries show it:
 *
 *       12  compose/image-pinned
 *        3  shell/strict-mode       3 fixable
 */
export function formatStatistics(result: LintResult): string {
  const byRule = new Map<string, { count: number; fixable: number }>();
  for (const d of result.diagnostics) {
    if (d.suppressed || d.internal) continue;
    const entry = byRule.get(d.ruleId) ?? { count: 0, fixable: 0 };
    entry.count++;
    if (d.fix?.safety === 'safe') entry.fixable++;
    byRule.set(d.ruleId, entry);
  }
  if (!byRule.size) return '';
  const rows = [...byRule].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0));
  const countWidth = Math.max(...rows.map(([, e]) => String(e.count).length));
  const idWidth = Math.max(...rows.map(([id]) => id.length));
  const lines = rows.map(([id, e]) => {
    const line = `  ${String(e.count).padStart(countWidth)}  ${id.padEnd(idWidth)}${e.fixable ? `  ${e.fixable} fixable` : ''}`;
    return line.trimEnd();
  });
  return `${lines.join('\n')}\n`;
}
