import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/index.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { LintResult } from '../core/result.js';
import { buildResult } from '../core/summary.js';

/**
 * Bulk suppressions: today's findings recorded in a file (by default
 * `stack-lint-suppressions.json` at the project root) so that later runs
 * report only what comes on top of them.
 *
 * The file counts findings per file and rule, as ESLint's
 * `eslint-suppressions.json` does, so moving or editing lines never matters:
 *
 *     { "compose.yaml": { "compose/image-pinned": { "count": 2 } } }
 *
 * A count says how many findings of that rule in that file are known, not
 * which ones. While a file has at most that many, they are all suppressed;
 * once it has more, all of them are reported, because nothing tells the new
 * one apart from the old (for that, compare with a baseline SARIF log).
 * Errors and warnings are recorded (what can fail a run); infos never fail a
 * run and are left alone.
 */

export const SUPPRESSIONS_FILE = 'stack-lint-suppressions.json';

/** File (relative to the project root, `/`-separated) → rule id → how many findings are known. */
export type SuppressionCounts = Record<string, Record<string, { count: number }>>;

/** A file and rule whose findings no longer reach the recorded count. */
export interface UnusedSuppression {
  file: string;
  ruleId: string;
  recorded: number;
  found: number;
}

/** A file and rule with more findings than recorded: all of them are reported. */
export interface ExceededSuppression {
  file: string;
  ruleId: string;
  recorded: number;
  found: number;
}

export interface AppliedSuppressions {
  result: LintResult;
  suppressed: number;
  unused: UnusedSuppression[];
  exceeded: ExceededSuppression[];
}

/** The nearest folder at or above `cwd` holding `.git`; `cwd` itself when there is none. */
export function projectRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

/** Reads a suppressions file; a missing file is an empty record, a malformed one a ConfigError naming it. */
export function readSuppressions(file: string): SuppressionCounts {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(`cannot read the suppressions file: ${(e as Error).message}`, { file });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`the suppressions file is not valid JSON (${(e as Error).message}); record it again with --suppress-all`, { file });
  }
  if (!isObject(data)) throw new ConfigError('the suppressions file must hold an object of files', { file });
  for (const [name, rules] of Object.entries(data)) {
    if (!isObject(rules)) throw new ConfigError('must be an object of rule ids', { file, keyPath: JSON.stringify(name) });
    for (const [ruleId, entry] of Object.entries(rules)) {
      const count = isObject(entry) ? entry.count : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
        throw new ConfigError('must be { "count": <a whole number of at least 1> }', { file, keyPath: `${JSON.stringify(name)}.${JSON.stringify(ruleId)}` });
      }
    }
  }
  return data as SuppressionCounts;
}

/** The file's text: files and rules sorted, two-space indented, a final newline, so that diffs stay small. */
export function serializeSuppressions(counts: SuppressionCounts): string {
  const sorted: SuppressionCounts = {};
  for (const file of Object.keys(counts).sort(compare)) {
    const rules = counts[file]!;
    const ids = Object.keys(rules).sort(compare);
    if (!ids.length) continue;
    sorted[file] = Object.fromEntries(ids.map((id) => [id, { count: rules[id]!.count }]));
  }
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/**
 * Records the findings of `result` into `existing` (a new object): for each
 * linted file, the count of each rule that has findings (only `rules`, when
 * given) replaces the recorded one. Entries of other files and rules stay.
 */
export function recordSuppressions(existing: SuppressionCounts, result: LintResult, root: string, rules?: ReadonlySet<string>): SuppressionCounts {
  const out = clone(existing);
  for (const [file, byRule] of countFindings(result, root)) {
    for (const [ruleId, count] of byRule) {
      if (rules && !rules.has(ruleId)) continue;
      (out[file] ??= {})[ruleId] = { count };
    }
  }
  return out;
}

/** `existing` without what `unused` says no longer occurs (counts lowered to what was found). */
export function pruneSuppressions(existing: SuppressionCounts, unused: readonly UnusedSuppression[]): SuppressionCounts {
  const out = clone(existing);
  for (const u of unused) {
    const rules = out[u.file];
    if (!rules?.[u.ruleId]) continue;
    if (u.found === 0) delete rules[u.ruleId];
    else rules[u.ruleId] = { count: u.found };
    if (!Object.keys(rules).length) delete out[u.file];
  }
  return out;
}

/**
 * Marks the findings the record covers as suppressed (`kind: 'external'`) and
 * counts again. Unused entries are those of files the run judged only: a
 * run over part of the tree says nothing about the rest.
 */
export function applySuppressions(result: LintResult, counts: SuppressionCounts, root: string): AppliedSuppressions {
  if (!Object.keys(counts).length) return { result, suppressed: 0, unused: [], exceeded: [] };
  const found = countFindings(result, root);
  const unused: UnusedSuppression[] = [];
  const exceeded: ExceededSuppression[] = [];
  const covered = new Set<string>();
  // Files a run judged: those it linted, and those it reported on (an env_file, read through a compose file).
  const linted = new Set([...result.files.map((f) => relativeTo(root, f.path)), ...found.keys()]);
  for (const file of Object.keys(counts).sort(compare)) {
    if (!linted.has(file)) continue;
    for (const ruleId of Object.keys(counts[file]!).sort(compare)) {
      const recorded = counts[file]![ruleId]!.count;
      const n = found.get(file)?.get(ruleId) ?? 0;
      if (n <= recorded) covered.add(key(file, ruleId));
      if (n < recorded) unused.push({ file, ruleId, recorded, found: n });
      if (n > recorded) exceeded.push({ file, ruleId, recorded, found: n });
    }
  }
  let suppressed = 0;
  const diagnostics = result.diagnostics.map((d): Diagnostic => {
    if (!isRecordable(d) || !covered.has(key(relativeTo(root, d.file), d.ruleId))) return d;
    suppressed++;
    return { ...d, suppressed: { kind: 'external' } };
  });
  return { result: suppressed ? buildResult({ ...result, diagnostics }) : result, suppressed, unused, exceeded };
}

/** Findings a record counts: errors and warnings, not already suppressed, not failures of the tool. */
function isRecordable(d: Diagnostic): boolean {
  return !d.internal && !d.suppressed && d.severity !== 'info';
}

function countFindings(result: LintResult, root: string): Map<string, Map<string, number>> {
  const byFile = new Map<string, Map<string, number>>();
  for (const d of result.diagnostics) {
    if (!isRecordable(d)) continue;
    const file = relativeTo(root, d.file);
    let byRule = byFile.get(file);
    if (!byRule) byFile.set(file, (byRule = new Map()));
    byRule.set(d.ruleId, (byRule.get(d.ruleId) ?? 0) + 1);
  }
  return byFile;
}

function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

function key(file: string, ruleId: string): string {
  return `${file}\u0000${ruleId}`;
}

function clone(counts: SuppressionCounts): SuppressionCounts {
  return Object.fromEntries(Object.entries(counts).map(([f, rules]) => [f, Object.fromEntries(Object.entries(rules).map(([r, c]) => [r, { count: c.count }]))]));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
