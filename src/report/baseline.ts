import { readFileSync } from 'node:fs';
import type * as Sarif from 'sarif';
import { ConfigError } from '../config/index.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { LintResult } from '../core/result.js';
import { buildResult } from '../core/summary.js';
import { fileOf, indexFiles } from './common.js';
import { LineHashCache } from './fingerprint.js';
import { artifactUri } from './sarif.js';

/**
 * Comparing a run with a baseline: the SARIF log of an earlier run (the target
 * branch of a pull request), so that each finding gets SARIF's `baselineState`.
 *
 * Findings are matched on rule, file and `partialFingerprints.primaryLocationLineHash`
 * (the hash of the finding's line and what follows it, see ./fingerprint.ts),
 * so a finding keeps its identity when lines above it move: `unchanged`, or
 * `updated` when its message or level changed. A finding whose hash changed
 * because the text around it was edited is still matched, as `updated`, by
 * rule, file and message against a baseline result of that file left over.
 * What is left is `new` (only now) and `absent` (only in the baseline).
 */

/** One result of the baseline log, with what matching needs. */
interface BaselineEntry {
  ruleId: string;
  uri: string;
  hash: string | undefined;
  message: string;
  level: string;
  raw: Sarif.Result;
}

/** Reads the results of a SARIF log; an unreadable or malformed one is a ConfigError naming the file. */
export function readBaseline(file: string): Sarif.Result[] {
  let log: unknown;
  try {
    log = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new ConfigError(`cannot read the baseline SARIF log: ${reason}`, { file });
  }
  const runs = (log as Sarif.Log | null)?.runs;
  if (!Array.isArray(runs)) throw new ConfigError('the baseline is not a SARIF log (no "runs" array)', { file });
  return runs.flatMap((run) => (Array.isArray(run?.results) ? run.results : []));
}

export interface BaselineComparison {
  result: LintResult;
  /** Findings by state (suppressed ones not counted), and the baseline's results that are gone. */
  counts: Record<'new' | 'unchanged' | 'updated' | 'absent', number>;
}

/**
 * Sets `baselineState` on every finding of `result` and puts the baseline's
 * results that no longer occur in `result.baselineAbsent`. With `onlyNew`,
 * only new findings (and failures of the tool) are kept, and counted.
 */
export function compareWithBaseline(result: LintResult, baseline: readonly Sarif.Result[], onlyNew = false): BaselineComparison {
  const files = indexFiles(result);
  const hashes = new LineHashCache();
  const entries = baseline.map(toEntry).filter((e): e is BaselineEntry => e !== undefined);
  const taken = new Set<BaselineEntry>();
  const states = new Map<Diagnostic, 'unchanged' | 'updated'>();
  const current = result.diagnostics.filter((d) => !d.internal);

  // 1. The same rule, file and line hash.
  const byHash = groupBy(entries.filter((e) => e.hash !== undefined), (e) => key(e.ruleId, e.uri, e.hash!));
  for (const d of current) {
    const file = fileOf(files, d);
    const hash = file ? hashes.get(file.path, file.text, Math.max(1, d.range.start.line)) : undefined;
    const hit = hash === undefined ? undefined : takeFrom(byHash.get(key(d.ruleId, artifactUri(d.relPath), hash)), taken);
    if (hit) states.set(d, hit.message === d.message && hit.level === LEVEL[d.severity] ? 'unchanged' : 'updated');
  }
  // 2. The same rule, file and message, among what is left: edited around it.
  const byMessage = groupBy(entries, (e) => key(e.ruleId, e.uri, e.message));
  for (const d of current) {
    if (states.has(d)) continue;
    if (takeFrom(byMessage.get(key(d.ruleId, artifactUri(d.relPath), d.message)), taken)) states.set(d, 'updated');
  }
  const left = entries.filter((e) => !taken.has(e));

  const counts = { new: 0, unchanged: 0, updated: 0, absent: onlyNew ? 0 : left.length };
  const diagnostics: Diagnostic[] = [];
  for (const d of result.diagnostics) {
    if (d.internal) {
      diagnostics.push(d);
      continue;
    }
    const baselineState = states.get(d) ?? 'new';
    // Suppressed findings get a state too (SARIF may list them), but are not what a comparison is about.
    if (!d.suppressed) counts[baselineState]++;
    if (!onlyNew || baselineState === 'new') diagnostics.push({ ...d, baselineState });
  }
  const compared = buildResult({ ...result, diagnostics });
  if (!onlyNew) compared.baselineAbsent = left.map((e) => e.raw);
  return { result: compared, counts };
}

/** The first entry of `group` not taken yet, which is taken now. */
function takeFrom(group: BaselineEntry[] | undefined, taken: Set<BaselineEntry>): BaselineEntry | undefined {
  const hit = group?.find((e) => !taken.has(e));
  if (hit) taken.add(hit);
  return hit;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function key(...parts: string[]): string {
  return parts.join('\u0000');
}

const LEVEL: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'note' };

function toEntry(r: Sarif.Result): BaselineEntry | undefined {
  const uri = r?.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
  const ruleId = r?.ruleId ?? r?.rule?.id;
  if (typeof uri !== 'string' || typeof ruleId !== 'string') return undefined;
  return {
    ruleId,
    uri,
    hash: r.partialFingerprints?.primaryLocationLineHash,
    message: r.message?.text ?? '',
    level: r.level ?? 'warning',
    raw: r,
  };
}
