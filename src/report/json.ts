import type { Diagnostic, Fix, Severity } from '../core/diagnostic.js';
import type { FormatOptions, LintedFile, LintResult } from '../core/result.js';
import type { FileKind } from '../core/source.js';
import { compareStrings, countDiagnostics, indexFiles, JSON_SPLICE, jsonChunks, relPathOf } from './common.js';

/**
 * The `--format json` report. Documented in docs/formats/json.md; its JSON schema
 * is `JSON_REPORT_SCHEMA` (src/report/json-schema.ts). Bump `JSON_REPORT_VERSION`
 * on any change that is not a pure addition.
 */
export const JSON_REPORT_VERSION = 1;

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: string; version: string };
  summary: JsonSummary;
  files: JsonFile[];
}

export interface JsonSummary {
  /** Files linted. */
  files: number;
  /** Findings by severity; suppressed findings and internal errors are not counted. */
  errors: number;
  warnings: number;
  infos: number;
  /** Findings `--fix` can fix. */
  fixable: number;
  /** Findings only `--fix --unsafe-fixes` can fix. */
  unsafeFixable: number;
  /** Problems of the run itself (rule crash, unreadable file). */
  internalErrors: number;
  /** Findings silenced by an inline comment or config (listed only with `includeSuppressed`). */
  suppressed: number;
}

export interface JsonFile {
  /** Relative to the working directory, `/`-separated. */
  path: string;
  /** `null` for a path that could not be linted at all (see its internal diagnostics). */
  kind: FileKind | null;
  diagnostics: JsonDiagnostic[];
}

export interface JsonDiagnostic {
  ruleId: string;
  /** The peer tool's code (`DL3015`) of a finding of a rule that covers several; absent otherwise. */
  compat?: string;
  severity: Severity;
  message: string;
  /** 1-based; columns count UTF-16 code units; the end is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix: JsonFix | null;
  suggestions: JsonEdits[];
  /** A failure of the tool rather than a finding about the file. */
  internal: boolean;
  /** Set only on suppressed findings, which appear only with `includeSuppressed`. */
  suppressed: { kind: 'inline' | 'external'; justification: string | null } | null;
  /** Only with a baseline (`--baseline`): whether the baseline had this finding. */
  baselineState?: 'new' | 'unchanged' | 'updated';
}

export interface JsonEdits {
  description: string;
  /** The file the edits apply to (usually the diagnostic's own file). */
  path: string;
  /** Replace the UTF-16 code units [start, end) of the file text with `text`. */
  edits: { start: number; end: number; text: string }[];
}

export interface JsonFix extends JsonEdits {
  safety: 'safe' | 'unsafe';
}

export function buildJsonReport(result: LintResult, options: Pick<FormatOptions, 'includeSuppressed'>): JsonReport {
  const files = indexFiles(result);
  const counts = countDiagnostics(result.diagnostics);

  const byPath = new Map<string, JsonFile>();
  const entry = (relPath: string, file?: LintedFile): JsonFile => {
    let f = byPath.get(relPath);
    if (!f) byPath.set(relPath, (f = { path: relPath, kind: file?.kind ?? null, diagnostics: [] }));
    return f;
  };
  for (const f of result.files) entry(f.relPath, f);

  for (const d of result.diagnostics) {
    if (d.suppressed && !d.internal && !options.includeSuppressed) continue;
    entry(d.relPath).diagnostics.push(toJsonDiagnostic(d));
  }

  return {
    version: JSON_REPORT_VERSION,
    tool: { name: result.tool.name, version: result.tool.version },
    summary: {
      files: result.files.length,
      errors: counts.errors,
      warnings: counts.warnings,
      infos: counts.infos,
      fixable: counts.fixable,
      unsafeFixable: counts.unsafeFixable,
      internalErrors: counts.internalErrors,
      suppressed: counts.suppressed,
    },
    files: [...byPath.values()].sort((a, b) => compareStrings(a.path, b.path)),
  };

  function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
    return {
      ruleId: d.ruleId,
      ...(d.compat ? { compat: d.compat } : {}),
      severity: d.severity,
      message: d.message,
      line: d.range.start.line,
      column: d.range.start.column,
      endLine: d.range.end.line,
      endColumn: d.range.end.column,
      fix: d.fix ? { safety: d.fix.safety, ...edits(d.fix, d) } : null,
      suggestions: (d.suggestions ?? []).map((s) => edits(s, d)),
      internal: d.internal === true,
      suppressed:
        d.suppressed && !d.internal
          ? { kind: d.suppressed.kind, justification: d.suppressed.justification ?? null }
          : null,
      ...(d.baselineState ? { baselineState: d.baselineState } : {}),
    };
  }

  function edits(fix: Fix, d: Diagnostic): JsonEdits {
    return {
      description: fix.description,
      path: relPathOf(result, files, fix.file, d),
      edits: fix.edits.map((e) => ({ start: e.start, end: e.end, text: e.text })),
    };
  }
}

export function formatJson(result: LintResult, options: FormatOptions): string {
  return [...formatJsonChunks(result, options)].join('');
}

/** The text of `formatJson`, in pieces to write one after another. */
export function formatJsonChunks(result: LintResult, options: FormatOptions): Iterable<string> {
  const report = buildJsonReport(result, options);
  return jsonChunks({ ...report, files: JSON_SPLICE }, report.files);
}
