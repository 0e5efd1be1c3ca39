import pc from 'picocolors';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import type { FormatOptions, LintResult } from '../core/result.js';
import { LineIndex } from '../core/location.js';
import { codeFrame } from './code-frame.js';
import { maskedText } from './secrets.js';
import { countDiagnostics, fileOf, indexFiles, plural, type DiagnosticCounts } from './common.js';

/**
 * Human output, in the spirit of ESLint's `stylish` and Ruff's full output:
 *
 *     compose.yaml
 *       2:3  error    Service "web" has no healthcheck  compose/healthcheck-required  [fixable]
 *           1 | services:
 *         > 2 |   web:
 *             |   ^~~
 *
 *     ✖ 1 problem (1 error, 0 warnings, 0 infos)
 *       1 error is potentially fixable with --fix.
 *
 * Suppressed findings are not shown or counted. Internal errors (a rule that
 * crashed, a file that could not be read) are labelled `internal` and get no
 * code frame. Colours only when `options.color` is set.
 */

type Colors = ReturnType<typeof pc.createColors>;

const LABEL_INTERNAL = 'internal';

export function formatPretty(result: LintResult, options: FormatOptions): string {
  const c = pc.createColors(options.color);
  const files = indexFiles(result);
  const lineIndexes = new Map<string, LineIndex>();
  const shown = result.diagnostics.filter((d) => d.internal || !d.suppressed);

  // Group by file, keeping the (sorted) order the diagnostics arrive in.
  const groups = new Map<string, Diagnostic[]>();
  for (const d of shown) {
    let group = groups.get(d.relPath);
    if (!group) groups.set(d.relPath, (group = []));
    group.push(d);
  }

  const out: string[] = [];
  for (const [relPath, diagnostics] of groups) {
    out.push(c.underline(relPath));
    // reduce, not Math.max(...): a file may have more findings than a call may have arguments.
    const posWidth = diagnostics.reduce((w, d) => Math.max(w, position(d).length), 0);
    const labelWidth = diagnostics.reduce((w, d) => Math.max(w, label(d).length), 0);
    for (const d of diagnostics) {
      const paint = severityColor(c, d);
      const pos = position(d).padEnd(posWidth);
      const lbl = label(d).padEnd(labelWidth);
      let line = `  ${c.dim(pos)}  ${paint(lbl)}  ${d.message}  ${c.dim(d.compat ? `${d.ruleId} (${d.compat})` : d.ruleId)}`;
      const mark = fixMark(d);
      if (mark) line += `  ${c.cyan(mark)}`;
      // Compared with a baseline, the new findings are the ones to look at.
      if (d.baselineState === 'new') line += `  ${c.bold('[new]')}`;
      out.push(line);

      const frame = d.internal ? [] : frameFor(d);
      if (frame.length > 0) {
        out.push(...frame, '');
      }
    }
    if (out[out.length - 1] !== '') out.push('');
  }

  out.push(...summary(c, countDiagnostics(result.diagnostics), result.files.length, result.hiddenByQuiet ?? 0));
  const bulk = result.diagnostics.filter((d) => d.suppressed?.kind === 'external').length;
  if (bulk > 0) out.push(`  ${plural(bulk, 'finding')} recorded in the suppressions file ${bulk === 1 ? 'was' : 'were'} not reported.`);
  return out.join('\n') + '\n';

  function frameFor(d: Diagnostic): string[] {
    const file = fileOf(files, d);
    if (!file) return [];
    let lines = lineIndexes.get(file.path);
    // Masked again for callers that format a result themselves (the CLI's result already is).
    if (!lines) lineIndexes.set(file.path, (lines = new LineIndex(maskedText(file))));
    return codeFrame(lines, d.range, c, severityColor(c, d));
  }
}

function position(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.column}`;
}

function label(d: Diagnostic): string {
  return d.internal ? LABEL_INTERNAL : d.severity;
}

function fixMark(d: Diagnostic): string {
  if (d.internal || !d.fix) return '';
  return d.fix.safety === 'safe' ? '[fixable]' : '[unsafe fix]';
}

function severityColor(c: Colors, d: Diagnostic): (s: string) => string {
  if (d.internal) return (s) => c.bold(c.magenta(s));
  return d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : c.blue;
}

function summary(c: Colors, counts: DiagnosticCounts, fileCount: number, hiddenByQuiet: number): string[] {
  const problems = counts.errors + counts.warnings + counts.infos;
  if (problems === 0 && counts.internalErrors === 0) {
    // --quiet left warnings out: there were problems, just none shown.
    if (hiddenByQuiet > 0) return [c.green(`✔ no errors in ${plural(fileCount, 'file')}`) + ` (${plural(hiddenByQuiet, 'warning or info', 'warnings and infos')} not shown with --quiet)`];
    return [c.green(`✔ no problems in ${plural(fileCount, 'file')}`)];
  }
  let head =
    `✖ ${plural(problems, 'problem')} (${plural(counts.errors, 'error')}, ` +
    `${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')})`;
  if (counts.internalErrors > 0) head += `, ${plural(counts.internalErrors, 'internal error')}`;
  const paint = counts.errors > 0 || counts.internalErrors > 0 ? c.red : counts.warnings > 0 ? c.yellow : c.blue;
  const lines = [c.bold(paint(head))];
  if (counts.fixable > 0) {
    lines.push(`  ${bySeverity(counts.fixableBySeverity)} ${isAre(counts.fixable)} potentially fixable with --fix.`);
  }
  if (counts.unsafeFixable > 0) {
    lines.push(
      `  ${bySeverity(counts.unsafeFixableBySeverity)} ${isAre(counts.unsafeFixable)} potentially fixable with --fix --unsafe-fixes.`,
    );
  }
  return lines;
}

/** `1 error`, `1 error and 2 warnings`, `1 error, 2 warnings and 1 info` (zeros left out). */
function bySeverity(counts: Record<Severity, number>): string {
  const parts: string[] = [];
  if (counts.error) parts.push(plural(counts.error, 'error'));
  if (counts.warning) parts.push(plural(counts.warning, 'warning'));
  if (counts.info) parts.push(plural(counts.info, 'info'));
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function isAre(n: number): string {
  return n === 1 ? 'is' : 'are';
}
