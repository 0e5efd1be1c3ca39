import type { Fix, TextEdit } from '../engine/diagnostic.js';

/**
 * Chooses fixes whose edits do not overlap (a fix is all its edits or none),
 * in file order; the rest wait for the next pass. Edits that touch at one
 * point (an insertion right where another edit ends) do not overlap, except
 * two insertions at the same offset, whose order would be arbitrary.
 */
export function selectFixes<T extends { fix: Fix }>(candidates: readonly T[]): T[] {
  const sorted = [...candidates].sort((a, b) => firstStart(a.fix) - firstStart(b.fix));
  const taken: TextEdit[] = [];
  const chosen: T[] = [];
  for (const c of sorted) {
    if (c.fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...c.fix.edits);
    chosen.push(c);
  }
  return chosen;
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.start));
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/**
 * Applies non-overlapping edits. In a CRLF file, line breaks the edits insert
 * become CRLF too, so a fix never mixes line endings.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const crlf = usesCrlf(text);
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    out += text.slice(at, e.start) + (crlf ? e.text.replace(/\r?\n/g, '\r\n') : e.text);
    at = Math.max(at, e.end);
  }
  return out + text.slice(at);
}

export function usesCrlf(text: string): boolean {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r';
}
