import type { LineIndex, Range } from '../core/location.js';

/**
 * A code frame for the pretty reporter:
 *
 *     4 | services:
 *   > 5 |   web:
 *       |   ^~~
 *
 * The source line is turned into terminal cells: tabs are expanded to tab stops,
 * wide characters (CJK, most emoji) take two cells, zero-width ones none, and
 * control characters are shown as their Unicode control pictures (so a file can
 * never send escape sequences to the terminal). Columns of the range (UTF-16 code
 * units) are mapped to cells, so the underline sits under the exact characters
 * whatever comes before them. Lines wider than `maxWidth` cells are cut around
 * the range, with `…` where text was left out.
 */

export interface CodeFrameOptions {
  /** Tab stops every `tabWidth` cells (default 4). */
  tabWidth?: number;
  /** Most cells of source text to show per line (default 100). */
  maxWidth?: number;
  /** Lines of context above the range's line (default 1). */
  contextLines?: number;
}

interface Cell {
  /** First cell (display column, 0-based) the character occupies. */
  col: number;
  width: number;
  text: string;
}

interface LineCells {
  cells: Cell[];
  /** Display column before code unit `i` of the line, for `i` in `0..length`. */
  colOfUnit: number[];
  width: number;
}

const ELLIPSIS = '…';

/**
 * Frame lines (without line breaks). `c.dim` paints the gutter and `accent` the
 * `>` marker and the underline; pass identity functions for plain text.
 */
export function codeFrame(
  lines: LineIndex,
  range: Range,
  c: { dim: (s: string) => string },
  accent: (s: string) => string,
  options: CodeFrameOptions = {},
): string[] {
  const tabWidth = options.tabWidth ?? 4;
  const maxWidth = Math.max(10, options.maxWidth ?? 100);
  const contextLines = options.contextLines ?? 1;
  const lineNo = range.start.line;
  if (lineNo < 1 || lineNo > lines.lineCount) return [];

  const target = toCells(lines.lineText(lineNo), tabWidth);
  const unitCount = target.colOfUnit.length - 1;
  const startUnit = clamp(range.start.column - 1, 0, unitCount);
  const endUnit =
    range.end.line === lineNo ? clamp(range.end.column - 1, startUnit, unitCount) : unitCount;
  const startCol = target.colOfUnit[startUnit]!;
  const endCol = Math.max(target.colOfUnit[endUnit]!, startCol);

  // The window of display columns to show, chosen for the target line and used for the context too.
  let winStart = 0;
  if (target.width > maxWidth) {
    const lead = Math.floor(maxWidth / 4);
    winStart = Math.max(0, Math.min(startCol - lead, target.width - maxWidth));
  }
  const winEnd = winStart + maxWidth;

  const first = Math.max(1, lineNo - contextLines);
  const gutterWidth = String(lineNo).length;
  const out: string[] = [];
  for (let n = first; n <= lineNo; n++) {
    const cells = n === lineNo ? target : toCells(lines.lineText(n), tabWidth);
    const text = renderWindow(cells, winStart, winEnd);
    const marker = n === lineNo ? accent('>') : ' ';
    out.push(trimEnd(`  ${marker} ${c.dim(`${String(n).padStart(gutterWidth)} |`)} ${text}`));
  }
  const lead = (winStart > 0 ? 1 : 0) + (startCol - winStart);
  const underlineEnd = Math.min(endCol, winEnd);
  const length = Math.max(1, underlineEnd - startCol);
  const underline = '^' + '~'.repeat(length - 1);
  out.push(`    ${c.dim(`${' '.repeat(gutterWidth)} |`)} ${' '.repeat(lead)}${accent(underline)}`);
  return out;
}

function renderWindow(line: LineCells, winStart: number, winEnd: number): string {
  if (winStart === 0 && line.width <= winEnd) return line.cells.map((cell) => cell.text).join('');
  let s = winStart > 0 ? ELLIPSIS : '';
  let col = winStart;
  for (const cell of line.cells) {
    if (cell.col < winStart || cell.col + cell.width > winEnd) continue;
    if (cell.col > col) s += ' '.repeat(cell.col - col); // a wide character cut by the window edge
    s += cell.text;
    col = cell.col + cell.width;
  }
  if (line.width > winEnd) {
    if (col < winEnd) s += ' '.repeat(winEnd - col);
    s += ELLIPSIS;
  }
  return s;
}

function toCells(text: string, tabWidth: number): LineCells {
  const cells: Cell[] = [];
  const colOfUnit: number[] = new Array<number>(text.length + 1);
  let col = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    colOfUnit[i] = col;
    if (units === 2) colOfUnit[i + 1] = col;
    let width: number;
    let shown: string;
    if (cp === 0x09) {
      width = tabWidth - (col % tabWidth);
      shown = ' '.repeat(width);
    } else {
      [shown, width] = display(cp, text.slice(i, i + units));
    }
    cells.push({ col, width, text: shown });
    col += width;
    i += units;
  }
  colOfUnit[text.length] = col;
  return { cells, colOfUnit, width: col };
}

/** What to print for a code point and how many cells it takes. */
function display(cp: number, raw: string): [string, number] {
  if (cp < 0x20) return [String.fromCodePoint(0x2400 + cp), 1]; // ␀…␟
  if (cp === 0x7f) return ['\u2421', 1]; // ␡
  if (cp >= 0x80 && cp < 0xa0) return ['\ufffd', 1];
  if (cp >= 0xd800 && cp <= 0xdfff) return ['\ufffd', 1]; // lone surrogate
  // Bidirectional overrides and isolates would reorder the rest of the terminal line.
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return ['\ufffd', 1];
  if (cp === 0x2028 || cp === 0x2029) return ['\ufffd', 1];
  if (isZeroWidth(cp)) return [raw, 0];
  if (isWide(cp)) return [raw, 2];
  return [raw, 1];
}

function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) || // combining diacritical marks
    (cp >= 0x0483 && cp <= 0x0489) ||
    (cp >= 0x0591 && cp <= 0x05bd) ||
    (cp >= 0x0610 && cp <= 0x061a) ||
    (cp >= 0x064b && cp <= 0x065f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space, joiners, marks
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    cp === 0xfeff ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** East Asian Wide/Fullwidth and emoji-presentation blocks (an approximation of wcwidth). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x231a && cp <= 0x231b) ||
    (cp >= 0x2329 && cp <= 0x232a) ||
    (cp >= 0x23e9 && cp <= 0x23ec) ||
    cp === 0x23f0 ||
    cp === 0x23f3 ||
    (cp >= 0x25fd && cp <= 0x25fe) ||
    (cp >= 0x2614 && cp <= 0x2615) ||
    (cp >= 0x2648 && cp <= 0x2653) ||
    cp === 0x267f ||
    cp === 0x2693 ||
    cp === 0x26a1 ||
    (cp >= 0x26aa && cp <= 0x26ab) ||
    (cp >= 0x26bd && cp <= 0x26be) ||
    (cp >= 0x26c4 && cp <= 0x26c5) ||
    cp === 0x26ce ||
    cp === 0x26d4 ||
    cp === 0x26ea ||
    (cp >= 0x26f2 && cp <= 0x26f3) ||
    cp === 0x26f5 ||
    cp === 0x26fa ||
    cp === 0x26fd ||
    cp === 0x2705 ||
    (cp >= 0x270a && cp <= 0x270b) ||
    cp === 0x2728 ||
    cp === 0x274c ||
    cp === 0x274e ||
    (cp >= 0x2753 && cp <= 0x2755) ||
    cp === 0x2757 ||
    (cp >= 0x2795 && cp <= 0x2797) ||
    cp === 0x27b0 ||
    cp === 0x27bf ||
    (cp >= 0x2b1b && cp <= 0x2b1c) ||
    cp === 0x2b50 ||
    cp === 0x2b55 ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe6f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x16fe0 && cp <= 0x16fe4) ||
    (cp >= 0x17000 && cp <= 0x18cff) ||
    (cp >= 0x1b000 && cp <= 0x1b2ff) ||
    cp === 0x1f004 ||
    cp === 0x1f0cf ||
    cp === 0x1f18e ||
    (cp >= 0x1f191 && cp <= 0x1f19a) ||
    (cp >= 0x1f200 && cp <= 0x1f251) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f680 && cp <= 0x1f6ff) ||
    (cp >= 0x1f7e0 && cp <= 0x1f7eb) ||
    (cp >= 0x1f90c && cp <= 0x1f9ff) ||
    (cp >= 0x1fa70 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(n, hi));
}

function trimEnd(s: string): string {
  return s.replace(/[ \t]+$/, '');
}
