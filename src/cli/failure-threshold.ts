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
import type { HadolintConfig } from '../config/types.js';

/** The lowest severity that fails the run; `none` and `ignore`: none does. */
export type FailureThreshold = Severity | 'none';

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
const THRESHOLDS: Record<string, FailureThreshold> = { error: 'error', warning: 'warning', info: 'info', style: 'info', ignore: 'none', none: 'none' };

/** The threshold a `.hadolint.yaml` sets, if any (read by the run's config loader, see `ConfigLoader.hadolintConfigAt`). */
export function hadolintThreshold(config: HadolintConfig | undefined): FailureThreshold | undefined {
  // `no-fail`: hadolint exits 0 whatever it found
  if (config?.noFail) return 'none';
  const written = config?.failureThreshold;
  return written === undefined ? undefined : THRESHOLDS[written];
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
