import { compareDiagnostics, type Diagnostic, type Severity } from './diagnostic.js';
import type { LintedFile, LintResult } from './result.js';
import type { RuleMeta } from './rule.js';
import type { Span } from './location.js';

/**
 * Sets each file's `secrets`: the secret spans of every finding in it (suppressed and
 * unreported ones too), merged and sorted, so a report masks them whatever it shows.
 */
export function attachSecrets(files: readonly LintedFile[], diagnostics: readonly Diagnostic[]): void {
  const byFile = new Map<string, Span[]>();
  for (const d of diagnostics) {
    if (!d.secrets?.length) continue;
    const spans = byFile.get(d.file) ?? byFile.set(d.file, []).get(d.file)!;
    spans.push(...d.secrets);
  }
  if (!byFile.size) return;
  for (const f of files) {
    const spans = byFile.get(f.path);
    if (spans) f.secrets = mergeSpans([...(f.secrets ?? []), ...spans]);
  }
}

/** The files that findings name secrets in (their texts must be kept for masking). */
export function filesWithSecrets(diagnostics: readonly Diagnostic[]): Set<string> {
  return new Set(diagnostics.filter((d) => d.secrets?.length).map((d) => d.file));
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

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
  attachSecrets(files, diagnostics);
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
