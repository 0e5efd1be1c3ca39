import { createHash } from 'node:crypto';
import type { Diagnostic } from '../engine/diagnostic.js';
import type { FormatOptions, LintResult } from '../engine/result.js';

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
 * when lines move (it hashes the rule, the file, the text of the line and
 * the message, plus a counter for repeats), so GitLab can tell new findings
 * from old ones in merge requests.
 */
export function formatGitlab(result: LintResult, _options: FormatOptions): string {
  const texts = new Map(result.files.map((f) => [f.path, f.text.split(/\r?\n/)]));
  const seen = new Map<string, number>();
  const issues: GitlabIssue[] = result.diagnostics
    .filter((d) => !d.suppressed)
    .map((d) => {
      const line = texts.get(d.file)?.[d.range.start.line - 1]?.trim() ?? '';
      const key = `${d.ruleId}\u0000${d.relPath}\u0000${line}\u0000${d.message}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      return {
        description: d.message,
        check_name: d.ruleId,
        fingerprint: createHash('md5').update(`${key}\u0000${n}`).digest('hex'),
        severity: d.internal ? 'critical' : SEVERITY[d.severity],
        location: { path: d.relPath, lines: { begin: d.range.start.line, end: d.range.end.line } },
      };
    });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
