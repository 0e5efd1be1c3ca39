import path from 'node:path';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import type { LintedFile, LintResult } from '../core/result.js';

/** Counts over the findings a report shows (suppressed ones and internal errors counted apart). */
export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  infos: number;
  /** Findings with a safe fix (applied by `--fix`). */
  fixable: number;
  /** Findings whose fix needs `--unsafe-fixes`. */
  unsafeFixable: number;
  /** Per severity: findings with a safe fix. */
  fixableBySeverity: Record<Severity, number>;
  /** Per severity: findings with an unsafe fix. */
  unsafeFixableBySeverity: Record<Severity, number>;
  internalErrors: number;
  suppressed: number;
}

/**
 * Counts computed from the diagnostics themselves, so every reporter agrees with
 * what it prints: suppressed findings and internal errors never count as problems.
 */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  const counts: DiagnosticCounts = {
    errors: 0,
    warnings: 0,
    infos: 0,
    fixable: 0,
    unsafeFixable: 0,
    fixableBySeverity: { error: 0, warning: 0, info: 0 },
    unsafeFixableBySeverity: { error: 0, warning: 0, info: 0 },
    internalErrors: 0,
    suppressed: 0,
  };
  for (const d of diagnostics) {
    if (d.internal) {
      counts.internalErrors++;
      continue;
    }
    if (d.suppressed) {
      counts.suppressed++;
      continue;
    }
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
    if (d.fix?.safety === 'safe') {
      counts.fixable++;
      counts.fixableBySeverity[d.severity]++;
    } else if (d.fix?.safety === 'unsafe') {
      counts.unsafeFixable++;
      counts.unsafeFixableBySeverity[d.severity]++;
    }
  }
  return counts;
}

/** Linted files by absolute path and by relative path. */
export function indexFiles(result: LintResult): Map<string, LintedFile> {
  const map = new Map<string, LintedFile>();
  for (const f of result.files) {
    if (!map.has(f.path)) map.set(f.path, f);
  }
  for (const f of result.files) {
    if (!map.has(f.relPath)) map.set(f.relPath, f);
  }
  return map;
}

/** The linted file a diagnostic is about, when its text is known. */
export function fileOf(files: Map<string, LintedFile>, d: Diagnostic): LintedFile | undefined {
  return files.get(d.file) ?? files.get(d.relPath);
}

/**
 * The `/`-separated path, relative to the working directory, of an absolute path
 * (used for fix targets, which may be another file than the diagnostic's).
 */
export function relPathOf(result: LintResult, files: Map<string, LintedFile>, absPath: string, d?: Diagnostic): string {
  const known = files.get(absPath);
  if (known) return known.relPath;
  if (d && d.file === absPath) return d.relPath;
  if (!path.isAbsolute(absPath)) return absPath.split(path.sep).join('/');
  return path.relative(result.cwd, absPath).split(path.sep).join('/');
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** Stands in, in a report object, for the array `jsonChunks` writes piece by piece. */
export const JSON_SPLICE = '\u0000stack-lint-splice\u0000';

/**
 * `JSON.stringify(value, null, 2) + '\n'` in pieces of about 64 KB, `items`
 * standing where `value` holds `JSON_SPLICE`: a large report is written as it
 * is made instead of as one string of tens of megabytes (a two-byte string
 * when any finding has a non-Latin-1 character), which was the peak of a run.
 */
export function* jsonChunks(value: unknown, items: Iterable<unknown>): Generator<string> {
  const whole = JSON.stringify(value, null, 2) + '\n';
  const marker = JSON.stringify(JSON_SPLICE);
  const at = whole.indexOf(marker);
  if (at < 0) {
    yield whole;
    return;
  }
  const indent = /[ ]*/.exec(whole.slice(whole.lastIndexOf('\n', at) + 1))![0];
  const inner = `\n${indent}  `;
  let buffer = whole.slice(0, at) + '[';
  let first = true;
  for (const item of items) {
    // JSON text has no raw newline inside a string, so every newline starts a line to indent.
    buffer += (first ? '' : ',') + inner + JSON.stringify(item, null, 2).replaceAll('\n', inner);
    first = false;
    if (buffer.length >= 65536) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer + (first ? ']' : `\n${indent}]`) + whole.slice(at + marker.length);
}
