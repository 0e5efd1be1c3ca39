import type { Diagnostic, Fix } from '../core/diagnostic.js';
import { maskSpans, maskValues } from '../core/redact.js';
import type { LintedFile, LintResult } from '../core/result.js';

/**
 * Secret values a rule found are never printed: messages show them through
 * `redactSecret`, and everything a report quotes of the files — code frames,
 * fix texts, diffs, and the line texts that fingerprints hash — is masked here.
 *
 * In a file's own text the secrets are masked where the rules found them
 * (`LintedFile.secrets`). Text that is not the file's (a fix's replacement, a
 * diff of the fixed text) is masked by value: every occurrence of a line of a
 * found secret at least MIN_MASKED_VALUE_LENGTH long. Rules write secrets into
 * messages only through `redactSecret`, but a rule that knows nothing of a
 * secret may quote it (a command line, a value it compares); so messages and
 * fix descriptions are masked by value too, for the values written nowhere
 * but in secrets. A weak password that is also the service's name
 * (`wordpress`) stays readable where the message names the service.
 */

/** Shorter pieces of a secret are masked only where a rule found them, never by value. */
export const MIN_MASKED_VALUE_LENGTH = 4;

/** The secret values written in the files, line by line (the pieces a diff or a fix text can show). */
export function secretValues(files: readonly LintedFile[]): string[] {
  const values = new Set<string>();
  for (const f of files) {
    for (const span of f.secrets ?? []) {
      for (const line of f.text.slice(span.start, span.end).split(/\r\n|\r|\n/)) {
        if (line.length >= MIN_MASKED_VALUE_LENGTH) values.add(line);
      }
    }
  }
  return [...values];
}

/** A file's text with the secrets found in it masked (same length and lines). */
export function maskedText(file: Pick<LintedFile, 'text' | 'secrets'>): string {
  return file.secrets?.length ? maskSpans(file.text, file.secrets) : file.text;
}

/**
 * Whether `value` is also written outside every secret of the files, or in a
 * path: a stand-in password equal to the service's or the project's name
 * (`gitea`, `wordpress`). Such a name is shown wherever its line is quoted, so
 * masking it in messages would hide which service a finding is about and hide
 * nothing.
 */
function isWrittenInClear(value: string, files: readonly LintedFile[]): boolean {
  for (const f of files) {
    if (f.path.includes(value)) return true;
    const spans = f.secrets ?? [];
    for (let i = f.text.indexOf(value); i >= 0; i = f.text.indexOf(value, i + 1)) {
      const end = i + value.length;
      if (!spans.some((s) => s.start <= i && end <= s.end)) return true;
    }
  }
  return false;
}

/**
 * The result as reports may show it: file texts and fix texts with every
 * secret masked. The same object when no rule found a secret.
 */
export function maskResult(result: LintResult): LintResult {
  if (!result.files.some((f) => f.secrets?.length)) return result;
  const values = secretValues(result.files);
  const mask = (text: string): string => maskValues(text, values);
  const secretOnly = values.filter((v) => !isWrittenInClear(v, result.files));
  const maskProse = (text: string): string => maskValues(text, secretOnly);
  const maskFix = <F extends Fix>(fix: F): F => ({
    ...fix,
    description: maskProse(fix.description),
    edits: fix.edits.map((e) => ({ ...e, text: mask(e.text) })),
  });
  const diagnostics = result.diagnostics.map((d): Diagnostic => {
    const masked: Diagnostic = { ...d, message: maskProse(d.message) };
    if (d.fix) masked.fix = maskFix(d.fix);
    if (d.suggestions) masked.suggestions = d.suggestions.map(maskFix);
    return masked;
  });
  const files = result.files.map((f) => (f.secrets?.length ? { ...f, text: maskedText(f) } : f));
  return { ...result, diagnostics, files };
}

/**
 * The two sides of a changed file (`--fix-dry-run`) with their secrets masked: each side where
 * the rules found secrets in it (the first lint, the last), then by value. `before` and `after`
 * are the texts as written, BOM included.
 */
export function maskedChange(
  change: { before: string; after: string },
  original: Pick<LintedFile, 'text' | 'secrets'> | undefined,
  fixed: Pick<LintedFile, 'text' | 'secrets'> | undefined,
  values: readonly string[],
): { before: string; after: string } {
  const side = (raw: string, file: Pick<LintedFile, 'text' | 'secrets'> | undefined): string => {
    const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
    let body = raw.slice(bom.length);
    if (file && file.text === body) body = maskedText(file);
    return bom + maskValues(body, values);
  };
  return { before: side(change.before, original), after: side(change.after, fixed) };
}
