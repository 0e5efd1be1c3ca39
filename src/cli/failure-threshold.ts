/**
 * hadolint's `failure-threshold`: which Dockerfile findings fail the run.
 * hadolint reads one config per run, from where it starts, so the threshold
 * is that of the `.hadolint.yaml` found from the working folder up to the
 * repository root. It decides for Dockerfile findings only (what hadolint
 * would report); every other finding fails the run as stack-lint's own
 * severities say (errors do, warnings with `--max-warnings`).
 */
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import type { LintResult } from '../core/result.js';
import { findUpwards, HADOLINT_FILES, readHadolintConfig } from '../config/peers.js';

/** The lowest severity that fails the run; `none` and `ignore`: none does. */
export type FailureThreshold = Severity | 'none';

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
const THRESHOLDS: Record<string, FailureThreshold> = { error: 'error', warning: 'warning', info: 'info', style: 'info', ignore: 'none', none: 'none' };

/** The threshold of the `.hadolint.yaml` that applies at `cwd`, if it sets one. */
export function hadolintThreshold(cwd: string): FailureThreshold | undefined {
  const file = findUpwards(cwd, HADOLINT_FILES);
  if (!file) return undefined;
  try {
    const written = readHadolintConfig(file).failureThreshold;
    return written === undefined ? undefined : THRESHOLDS[written];
  } catch {
    return undefined; // a broken file is the run's own config error
  }
}

/** The findings that fail the run: errors, and in Dockerfiles those at or above the threshold. */
export function failingFindings(result: LintResult, threshold: FailureThreshold | undefined): Diagnostic[] {
  const dockerfiles = new Set(result.files.filter((f) => f.kind === 'dockerfile').map((f) => f.path));
  return result.diagnostics.filter((d) => {
    if (d.suppressed || d.internal) return false;
    if (threshold === undefined || !dockerfiles.has(d.file)) return d.severity === 'error';
    return threshold !== 'none' && RANK[d.severity] >= RANK[threshold];
  });
}
