import type { TextEdit } from '../../src/core/diagnostic.js';

/** Applies non-overlapping edits to a text (back to front, so offsets stay valid). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
