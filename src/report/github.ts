import type { Diagnostic } from '../core/diagnostic.js';
import type { FormatOptions, LintResult } from '../core/result.js';

/** GitHub shows at most this many annotations of one level per step; the rest are dropped silently. */
export const GITHUB_ANNOTATIONS_PER_LEVEL = 10;

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), escaped
 * the way the Actions toolkit escapes them, so a message with `%`, a newline,
 * `:` or `,` arrives intact.
 */
export function formatGithub(result: LintResult, _options: FormatOptions): string {
  const shown = result.diagnostics.filter((d) => !d.suppressed);
  const lines = shown.map(annotation);
  const perLevel = new Map<string, number>();
  for (const d of shown) perLevel.set(LEVEL[d.severity], (perLevel.get(LEVEL[d.severity]) ?? 0) + 1);
  const over = [...perLevel].filter(([, n]) => n > GITHUB_ANNOTATIONS_PER_LEVEL);
  if (over.length) {
    const what = over.map(([level, n]) => `${n} ${level}s`).join(', ');
    lines.push(
      `::notice title=stack-lint::${escapeData(
        `${what}: GitHub shows only ${GITHUB_ANNOTATIONS_PER_LEVEL} annotations of each level per step. Upload SARIF (--format sarif) to see them all in code scanning.`,
      )}`,
    );
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function annotation(d: Diagnostic): string {
  const { start, end } = d.range;
  const props = [
    `file=${escapeProperty(d.relPath)}`,
    `line=${start.line}`,
    `endLine=${end.line}`,
    `col=${start.column}`,
    // A single-line annotation needs endColumn; GitHub's columns are 1-based and inclusive.
    ...(start.line === end.line ? [`endColumn=${Math.max(start.column, end.column - 1)}`] : []),
    `title=${escapeProperty(d.ruleId)}`,
  ];
  return `::${d.internal ? 'error' : LEVEL[d.severity]} ${props.join(',')}::${escapeData(d.message)}`;
}

/** The toolkit's escaping of a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The toolkit's escaping of a property value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
