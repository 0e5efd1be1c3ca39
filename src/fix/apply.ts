import type { Fix, TextEdit } from '../core/diagnostic.js';

/**
 * Chooses fixes whose edits do not overlap (a fix is all its edits or none),
 * in file order; the rest wait for the next pass. Edits that touch at one
 * point (an insertion right where another edit ends) do not overlap, except
 * two insertions at the same offset, whose order would be arbitrary.
 */
export function selectFixes<T extends { fix: Fix }>(candidates: readonly T[]): T[] {
  const sorted = [...candidates].sort((a, b) => firstStart(a.fix) - firstStart(b.fix));
  // The edits taken so far, by start then end: they do not overlap, so their ends are in order too, and the
  // ones an edit could overlap are found by binary search (a large file's thousands of fixes were quadratic).
  const taken: TextEdit[] = [];
  const chosen: T[] = [];
  for (const c of sorted) {
    if (c.fix.edits.some((e) => overlapsAny(taken, e))) continue;
    for (const e of c.fix.edits) taken.splice(insertionIndex(taken, e), 0, e);
    chosen.push(c);
  }
  return chosen;
}

function overlapsAny(taken: readonly TextEdit[], e: TextEdit): boolean {
  // Edits ending before `e` starts cannot overlap it.
  for (let i = firstNotBefore(taken, (t) => t.end < e.start); i < taken.length && taken[i]!.start <= e.end; i++) if (overlaps(e, taken[i]!)) return true;
  return false;
}

function insertionIndex(taken: readonly TextEdit[], e: TextEdit): number {
  return firstNotBefore(taken, (t) => t.start < e.start || (t.start === e.start && t.end <= e.end));
}

/** Binary search: the index of the first edit for which `before` is false (it holds for a prefix of `taken`). */
function firstNotBefore(taken: readonly TextEdit[], before: (t: TextEdit) => boolean): number {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(taken[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstStart(fix: Fix): number {
  let min = Infinity;
  for (const e of fix.edits) if (e.start < min) min = e.start;
  return min;
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
