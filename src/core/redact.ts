import type { Span } from './location.js';

/**
 * A preview of a secret that is safe to print: at most the first two
 * characters, then its length. Rules report secrets through this only.
 */
export function redactSecret(value: string): string {
  const shown = value.length >= 12 ? value.slice(0, 2) : '';
  return `${shown}${'*'.repeat(Math.min(8, Math.max(3, value.length - shown.length)))} (${value.length} characters)`;
}

/** What stands for a character of a secret in quoted source. */
export const MASK_CHAR = '*';

/**
 * `text` with the characters in `spans` masked. Line breaks are kept and every other character
 * becomes one `*`, so the text keeps its length and its lines: positions, code frames and diffs
 * still line up, and a multi-line secret (a private key) stays masked on every line.
 */
export function maskSpans(text: string, spans: readonly Span[]): string {
  if (!spans.length) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const span of sorted) {
    const start = Math.max(at, Math.min(span.start, text.length));
    const end = Math.min(span.end, text.length);
    if (end <= start) continue;
    out += text.slice(at, start) + maskRun(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

/** Every occurrence of each value in `text` masked as `maskSpans` does (longer values first). */
export function maskValues(text: string, values: readonly string[]): string {
  const spans: Span[] = [];
  for (const value of [...values].sort((a, b) => b.length - a.length)) {
    if (!value) continue;
    for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + value.length)) spans.push({ start: i, end: i + value.length });
  }
  return maskSpans(text, spans);
}

function maskRun(s: string): string {
  return s.replace(/[^\r\n]/g, MASK_CHAR);
}
