import { createHash } from 'node:crypto';
import type { Diagnostic } from '../core/diagnostic.js';
import { LineIndex } from '../core/location.js';

/**
 * `partialFingerprints.primaryLocationLineHash` as GitHub computes it.
 *
 * When a SARIF file without fingerprints is uploaded with the
 * `github/codeql-action/upload-sarif` action, the action fills in
 * `primaryLocationLineHash` from the source file (`src/fingerprints.ts` in
 * github/codeql-action). If we compute the very same value, alerts keep their
 * identity across runs whichever way the file is uploaded (the action keeps a
 * matching value and only warns about a different one; the plain REST upload
 * computes nothing, so without it users see duplicate alerts).
 *
 * How the hash works:
 *
 * 1. The file is read as a stream of UTF-16 code units. Spaces (U+0020) and tabs
 *    are dropped entirely. Every line break (`\n`, `\r\n`, lone `\r`) becomes one
 *    `\n`: a `\r` is turned into `\n`, and a `\n` coming directly after a `\r` is
 *    dropped (a space or tab in between "forgets" the `\r`, so `\r \n` is two
 *    breaks — just as our LineIndex counts it). After the last character a
 *    sentinel 65535 is appended, followed (conceptually) by zeros.
 * 2. Each line begins at the first code unit of that filtered stream that comes
 *    after the previous line's `\n` (the first line begins at position 0). Since
 *    every line has at least its `\n` or the sentinel, every line of the file,
 *    including an empty last line after a final newline, gets exactly one hash.
 * 3. The hash of a line starting at stream position p is the polynomial
 *        h = Σ_{i=0..99} s[p+i] · 37^(99−i)   (mod 2^64)
 *    over the 100-unit window starting at p (positions past the sentinel count
 *    as 0). GitHub computes this as a rolling hash
 *        h ← 37·h + s[j] − 37^100 · s[j−100]
 *    and reads it off when the window has advanced 100 units past the line start.
 * 4. The value is printed as unsigned 64-bit lowercase hex without leading zeros,
 *    followed by `:` and how many lines so far (this one included, in line order)
 *    had the same hex value: `c129715d7a2bc9a3:1`, `…:2`, …
 *
 * Worked example: the empty file is just the sentinel, so its one line hashes to
 * 65535 · 37^99 mod 2^64 = 0xc129715d7a2bc9a3, i.e. `c129715d7a2bc9a3:1`; the
 * empty last line of any file that ends with a newline hashes the same way.
 *
 * The 64-bit arithmetic is done in four 16-bit limbs held in plain numbers
 * (every intermediate stays below 2^53), which is much faster than BigInt.
 *
 * Caveat: GitHub hashes the bytes on disk decoded as UTF-8, so a UTF-8 BOM is
 * the first code unit of line 1 there. Pass the text with its BOM if it had one;
 * the reporters only have the BOM-less text, so line 1 of a file with a BOM gets
 * a different value (the action then warns and keeps ours).
 */

const BLOCK_SIZE = 100;
const MULTIPLIER = 37;
const EOF = 65535;
const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** 64-bit unsigned integer as four 16-bit limbs, least significant first. */
type U64 = [number, number, number, number];

/** 37^100 mod 2^64: the weight of the unit that leaves the window. */
const FIRST_MOD: U64 = (() => {
  const f: U64 = [1, 0, 0, 0];
  for (let i = 0; i < BLOCK_SIZE; i++) {
    let carry = 0;
    for (let k = 0; k < 4; k++) {
      const t = f[k]! * MULTIPLIER + carry;
      carry = Math.floor(t / 65536);
      f[k] = t - carry * 65536;
    }
  }
  return f;
})();

/** h ← 37·h + incoming − 37^100 · outgoing (mod 2^64), in place. */
function roll(h: U64, incoming: number, outgoing: number): void {
  let carry = incoming;
  for (let k = 0; k < 4; k++) {
    // |t| < 37·65536 + 65536 + 65535·65535 + carry  <  2^33: exact in a double.
    const t = h[k]! * MULTIPLIER - outgoing * FIRST_MOD[k]! + carry;
    carry = Math.floor(t / 65536);
    h[k] = t - carry * 65536;
  }
  // The final carry is dropped: that is the reduction mod 2^64.
}

function toHex(h: U64): string {
  let s = '';
  for (let k = 3; k >= 0; k--) s += h[k]!.toString(16).padStart(4, '0');
  s = s.replace(/^0+/, '');
  return s === '' ? '0' : s;
}

/**
 * The `primaryLocationLineHash` of every line of `text`: element `i` belongs to
 * line `i + 1` (lines as LineIndex counts them: `\n`, `\r\n` and lone `\r` end a line).
 */
export function computeLineHashes(text: string): string[] {
  // 1. The filtered stream and where each line starts in it.
  const stream = new Uint16Array(text.length + 1);
  const lineStarts: number[] = [];
  let n = 0;
  let atLineStart = true;
  let prevCR = false;
  const push = (unit: number): void => {
    if (atLineStart) {
      lineStarts.push(n);
      atLineStart = false;
    }
    if (unit === LF) atLineStart = true;
    stream[n++] = unit;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || (prevCR && c === LF)) {
      prevCR = false;
      continue;
    }
    prevCR = c === CR;
    push(c === CR ? LF : c);
  }
  push(EOF);

  // 2. Roll the window over stream + 99 zeros; the window [p, p+100) is complete
  //    once position p+99 has been added.
  const h: U64 = [0, 0, 0, 0];
  const hashes: string[] = new Array<string>(lineStarts.length);
  const counts = new Map<string, number>();
  let next = 0; // index into lineStarts of the next line to emit
  const total = n + BLOCK_SIZE - 1;
  for (let j = 0; j < total && next < lineStarts.length; j++) {
    const incoming = j < n ? stream[j]! : 0;
    const outgoing = j >= BLOCK_SIZE && j - BLOCK_SIZE < n ? stream[j - BLOCK_SIZE]! : 0;
    roll(h, incoming, outgoing);
    while (next < lineStarts.length && lineStarts[next]! + BLOCK_SIZE - 1 === j) {
      const hex = toHex(h);
      const count = (counts.get(hex) ?? 0) + 1;
      counts.set(hex, count);
      hashes[next] = `${hex}:${count}`;
      next++;
    }
  }
  return hashes;
}

/** Memoizes {@link computeLineHashes} per text, for reporters that need a few lines of many files. */
export class LineHashCache {
  private readonly cache = new Map<string, string[]>();

  /** The hash of a 1-based line, or undefined when the line does not exist. */
  get(key: string, text: string, line: number): string | undefined {
    let hashes = this.cache.get(key);
    if (!hashes) {
      hashes = computeLineHashes(text);
      this.cache.set(key, hashes);
    }
    return hashes[line - 1];
  }
}

/**
 * The identity of each finding, for the reports whose consumers track findings
 * across runs (GitLab's `fingerprint`, SARIF's `partialFingerprints`): the rule,
 * the file, the text of the finding's line and of its range, and the message,
 * plus a counter for findings that agree on all of these. No line number goes
 * in (a "line N" in a message is ignored), so the identity survives lines moving
 * above it; two findings on one line differ by their range or message, or by the
 * counter. `texts` are the file texts by path, secrets masked (the hash must not
 * be a way to test guesses at a secret). MD5 is only a digest here.
 */
export function findingFingerprints(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): Map<Diagnostic, string> {
  const lines = new Map<string, LineIndex>();
  const seen = new Map<string, number>();
  const out = new Map<Diagnostic, string>();
  for (const d of diagnostics) {
    const text = texts.get(d.file);
    let lineText = '';
    let rangeText = '';
    if (text !== undefined) {
      let index = lines.get(d.file);
      if (!index) lines.set(d.file, (index = new LineIndex(text)));
      if (d.range.start.line <= index.lineCount) lineText = index.lineText(d.range.start.line).trim();
      rangeText = text.slice(d.range.start.offset, Math.min(d.range.end.offset, d.range.start.offset + 200)).replace(/\s+/g, ' ');
    }
    const message = d.message.replace(/\b(lines?) \d+(?:(?:, | and | to |-)\d+)*/g, '$1 N');
    const key = `${d.ruleId}\u0000${d.relPath}\u0000${lineText}\u0000${rangeText}\u0000${message}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    out.set(d, createHash('md5').update(`${key}\u0000${n}`).digest('hex'));
  }
  return out;
}
