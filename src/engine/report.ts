import type { SourceFile } from '../core/source.js';
import type { Diagnostic, Fix, Severity } from '../core/diagnostic.js';
import type { FixDescriptor, ReportDescriptor, RuleMeta } from '../core/rule.js';

/** Turns what a rule reported into a Diagnostic with positions in the right file. */
export function toDiagnostic(meta: RuleMeta, severity: Severity, d: ReportDescriptor, fallback: SourceFile): Diagnostic {
  const file = d.file ?? d.node?.file ?? fallback;
  const span = d.range ?? d.node;
  if (!span) throw new Error(`rule ${meta.id} reported "${d.message}" without a node or range`);
  const diagnostic: Diagnostic = {
    ruleId: meta.id,
    severity,
    message: d.message,
    file: file.path,
    relPath: file.relPath,
    range: file.lines.range(span),
  };
  if (d.compat) diagnostic.compat = d.compat;
  const asFix = (f: FixDescriptor): Fix => ({
    file: (f.file ?? file).path,
    description: f.description ?? meta.summary,
    edits: [...f.edits].sort((a, b) => a.start - b.start),
  });
  const suggestions = (d.suggestions ?? []).map(asFix);
  if (d.fix) {
    // A rule declared fix: 'none' may still offer edits; they are only ever suggestions then.
    if (meta.fix === 'none') suggestions.unshift(asFix(d.fix));
    else diagnostic.fix = { ...asFix(d.fix), safety: meta.fix };
  }
  if (suggestions.length) diagnostic.suggestions = suggestions;
  const secrets = (d.secrets ?? []).filter((s) => s.end > s.start);
  if (secrets.length) diagnostic.secrets = secrets.map((s) => ({ start: s.start, end: s.end }));
  return diagnostic;
}

export function diagnosticKey(d: Diagnostic): string {
  return `${d.ruleId}\u0000${d.file}\u0000${d.range.start.offset}\u0000${d.range.end.offset}\u0000${d.message}`;
}
