import type { Range, Span } from './location.js';

export type Severity = 'error' | 'warning' | 'info';
/** SARIF's `baselineState` of a finding that exists now (`absent` ones are the baseline's). */
export type BaselineState = 'new' | 'unchanged' | 'updated';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/** One replacement of the text in [start, end) of a file. */
export interface TextEdit extends Span {
  text: string;
}

/** Edits that belong together, in one file. */
export interface Fix {
  /** Absolute path of the file the edits apply to. */
  file: string;
  description: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Absolute path */
  file: string;
  /** Path relative to the working directory, `/`-separated */
  relPath: string;
  range: Range;
  /** The peer tool's code this finding stands for (`DL3015`), set by rules that cover several. */
  compat?: string;
  /** Set when the rule offers an automatic fix; `safety` says whether `--fix` alone applies it. */
  fix?: Fix & { safety: 'safe' | 'unsafe' };
  /** Edits shown to the user, never applied by `--fix`. */
  suggestions?: Fix[];
  /** Set when an inline comment or config (`inline`) or the bulk suppressions file (`external`) suppressed this finding. */
  suppressed?: { kind: 'inline' | 'external'; justification?: string };
  /** With a baseline: whether the baseline run had this finding (SARIF `baselineState`). */
  baselineState?: BaselineState;
  /** A tool failure (rule crash, unreadable file) rather than a finding about the file. */
  internal?: boolean;
  /**
   * Where the secret values this finding is about are written (offsets in `file`'s text):
   * every output that quotes the source masks them (see `LintedFile.secrets`).
   */
  secrets?: Span[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.relPath, b.relPath) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
