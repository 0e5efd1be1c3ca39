import { compareDiagnostics, type Diagnostic, type Severity } from './diagnostic.js';
import type { LintedFile, LintResult } from './result.js';
import type { RuleMeta } from './rule.js';

/** Sorts findings and files and counts what a result reports (suppressed findings never count). */
export function buildResult(parts: {
  diagnostics: Diagnostic[];
  files: LintedFile[];
  rules: RuleMeta[];
  cwd: string;
  tool: LintResult['tool'];
  durationMs: number;
}): LintResult {
  const diagnostics = [...parts.diagnostics].sort(compareDiagnostics);
  const files = [...parts.files].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  const rules = [...parts.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const active = diagnostics.filter((d) => !d.suppressed);
  const count = (s: Severity) => active.filter((d) => d.severity === s && !d.internal).length;
  return {
    diagnostics,
    files,
    rules,
    cwd: parts.cwd,
    tool: parts.tool,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    fixableCount: active.filter((d) => d.fix).length,
    internalErrorCount: active.filter((d) => d.internal).length,
    durationMs: Math.round(parts.durationMs),
  };
}
