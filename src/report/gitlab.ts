import type { Diagnostic } from '../core/diagnostic.js';
import type { FormatOptions, LintResult } from '../core/result.js';
import { findingFingerprints } from './fingerprint.js';
import { maskedText } from './secrets.js';

/** One issue of GitLab's Code Quality report (a subset of the Code Climate spec). */
export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
}

const SEVERITY: Record<Diagnostic['severity'], GitlabIssue['severity']> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab Code Quality JSON: an array of issues. The fingerprint is stable
 * when lines move and unique per finding (see `findingFingerprints`), so
 * GitLab can tell new findings from old ones in merge requests.
 */
export function formatGitlab(result: LintResult, _options: FormatOptions): string {
  const shown = result.diagnostics.filter((d) => !d.suppressed);
  const fingerprints = findingFingerprints(shown, new Map(result.files.map((f) => [f.path, maskedText(f)])));
  const issues: GitlabIssue[] = shown.map((d) => ({
    description: d.message,
    check_name: d.ruleId,
    fingerprint: fingerprints.get(d)!,
    severity: d.internal ? 'critical' : SEVERITY[d.severity],
    location: { path: d.relPath, lines: { begin: d.range.start.line, end: d.range.end.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
