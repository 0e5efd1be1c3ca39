import type { FixOutcome } from '../fix/loop.js';

/** What `--fix` did: fixes per rule, files changed, fixes dropped, what remains. */
export function formatFixSummary(outcome: FixOutcome, dryRun: boolean): string {
  const lines: string[] = [];
  const total = Object.values(outcome.applied).reduce((a, b) => a + b, 0);
  const verb = dryRun ? 'would fix' : 'fixed';
  if (total === 0) lines.push('no fixes to apply');
  else {
    const perRule = Object.entries(outcome.applied)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, n]) => `${id}: ${n}`)
      .join(', ');
    const files = outcome.changes.length;
    lines.push(`${verb} ${total} problem${total === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${perRule})`);
  }
  for (const d of outcome.dropped) lines.push(`  not fixed: ${d.relPath}:${d.line} ${d.ruleId}: ${d.reason}`);
  const remaining = outcome.result.diagnostics.filter((d) => !d.suppressed);
  if (remaining.length) {
    const perRule = new Map<string, number>();
    for (const d of remaining) perRule.set(d.ruleId, (perRule.get(d.ruleId) ?? 0) + 1);
    const list = [...perRule].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, n]) => `${id}: ${n}`).join(', ');
    lines.push(`${remaining.length} problem${remaining.length === 1 ? '' : 's'} remain${remaining.length === 1 ? 's' : ''} (${list})`);
  }
  if (outcome.passes >= 10) lines.push('  stopped after 10 passes: some fixes keep producing new fixes');
  return `${lines.join('\n')}\n`;
}
