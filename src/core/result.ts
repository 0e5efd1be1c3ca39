import type * as Sarif from 'sarif';
import type { Span } from './location.js';
import type { FileKind } from './source.js';
import type { Diagnostic } from './diagnostic.js';
import type { RuleMeta } from './rule.js';

export interface LintedFile {
  path: string;
  relPath: string;
  kind: FileKind;
  /** The text that was linted (after fixes, when fixes were applied). */
  text: string;
  /**
   * Secret values rules found in the text (offsets, sorted, from every finding, suppressed ones
   * too): reports that quote the text mask them (see src/report/secrets.ts).
   */
  secrets?: Span[];
}

/** Everything a formatter needs; formatters are pure functions of this. */
export interface LintResult {
  /** Sorted by path, line, column, rule (see compareDiagnostics). */
  diagnostics: Diagnostic[];
  files: LintedFile[];
  /** Metadata of every rule that was enabled for at least one file. */
  rules: RuleMeta[];
  cwd: string;
  tool: { name: string; version: string; informationUri: string };
  /** Problems of the run itself (unreadable path, rule crash), also present as internal diagnostics. */
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableCount: number;
  internalErrorCount: number;
  durationMs: number;
  /** With a baseline: its results that no longer occur (SARIF `baselineState: "absent"`). */
  baselineAbsent?: Sarif.Result[];
  /** Warnings and infos `--quiet` left out of this result. */
  hiddenByQuiet?: number;
}

export interface FormatOptions {
  color: boolean;
  /** Include suppressed findings (SARIF `suppressions`). */
  includeSuppressed?: boolean;
  /** More warnings than `--max-warnings` allows: reports that pass or fail findings count warnings as failures. */
  warningsFail?: boolean;
  /** SARIF `automationDetails.id` */
  category?: string;
}

export type Formatter = (result: LintResult, options: FormatOptions) => string;
