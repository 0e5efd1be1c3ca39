/**
 * A YAML scalar's value with the file offset of each of its characters, so
 * that something found inside the value (a shell script in a compose
 * `command:`) can be reported where it is written, and edited there when the
 * characters are written as they are.
 */
import type { ScalarStyle, YScalar } from './nodes.js';

/**
 * A text derived from a file, character by character: `offsets[i]` is the file
 * offset of the text's character `i` (`offsets[text.length]` where the text
 * ends), `verbatim[i]` says whether that character is the file's character
 * at `offsets[i]`, written as it is (not an escape, a folded line break or
 * anything else the file spells differently).
 */
export interface MappedText {
  readonly text: string;
  readonly offsets: readonly number[];
  readonly verbatim: readonly boolean[];
}

/** Builds a `MappedText` one character at a time. */
export class MappedTextBuilder {
  private chars: string[] = [];
  private offs: number[] = [];
  private verb: boolean[] = [];

  push(ch: string, offset: number, verbatim: boolean): void {
    this.chars.push(ch);
    this.offs.push(offset);
    this.verb.push(verbatim);
  }

  get length(): number {
    return this.chars.length;
  }

  last(): { ch: string; verbatim: boolean } | undefined {
    const n = this.chars.length - 1;
    return n < 0 ? undefined : { ch: this.chars[n]!, verbatim: this.verb[n]! };
  }

  pop(): void {
    this.chars.pop();
    this.offs.pop();
    this.verb.pop();
  }

  done(end: number): MappedText {
    return { text: this.chars.join(''), offsets: [...this.offs, end], verbatim: this.verb };
  }
}

/** The part [from, to) of a mapped text. */
export function sliceMapped(m: MappedText, from: number, to: number): MappedText {
  return { text: m.text.slice(from, to), offsets: m.offsets.slice(from, to + 1), verbatim: m.verbatim.slice(from, to) };
}

/**
 * A scalar's string value, mapped into the file; undefined when the scalar is
 * not a string written in a way this reads exactly (the value the YAML parser
 * gives and the decoding here must agree, else nothing is mapped).
 */
export function decodeScalarText(node: YScalar): MappedText | undefined {
  if (typeof node.value !== 'string') return undefined;
  const decoded = decodeScalarSource(node.source, node.style, node.start);
  return decoded && decoded.text === node.value ? decoded : undefined;
}

/** Decodes a scalar's source text (quotes and block header included) of a style; `base` is its file offset. */
export function decodeScalarSource(source: string, style: ScalarStyle, base: number): MappedText | undefined {
  if (source.includes('\r')) return undefined;
  switch (style) {
    case 'plain':
      return decodeFlow(source, 0, source.length, base, 'plain');
    case 'single':
      return source.length >= 2 && source.endsWith("'") ? decodeFlow(source, 1, source.length - 1, base, 'single') : undefined;
    case 'double':
      return source.length >= 2 && source.endsWith('"') ? decodeFlow(source, 1, source.length - 1, base, 'double') : undefined;
    case 'literal':
    case 'folded':
      return decodeBlock(source, base, style);
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Plain, single- and double-quoted scalars: escapes, and line folding (a line break is a space, n empty lines are n line breaks). */
function decodeFlow(src: string, from: number, to: number, base: number, style: 'plain' | 'single' | 'double'): MappedText | undefined {
  const out = new MappedTextBuilder();
  /** Characters before this output index are kept whatever they are (an escape, the text of an earlier line). */
  let keep = 0;
  let i = from;
  while (i < to) {
    const c = src[i]!;
    if (c === '\n') {
      // Folding: blanks that end the line go, the next line's leading blanks go.
      while (out.length > keep && out.last()!.verbatim && (out.last()!.ch === ' ' || out.last()!.ch === '\t')) out.pop();
      const breakAt = i;
      let empty = 0;
      let j = i + 1;
      for (;;) {
        while (j < to && (src[j] === ' ' || src[j] === '\t')) j++;
        if (j < to && src[j] === '\n') {
          empty++;
          j++;
        } else break;
      }
      if (empty === 0) out.push(' ', base + breakAt, false);
      else for (let k = 0; k < empty; k++) out.push('\n', base + breakAt, false);
      keep = out.length;
      i = j;
      continue;
    }
    if (style === 'double' && c === '\\') {
      const n = src[i + 1];
      if (n === undefined) return undefined;
      if (n === '\n') {
        // An escaped line break: nothing, and the next line's leading blanks go.
        keep = out.length;
        let j = i + 2;
        while (j < to && (src[j] === ' ' || src[j] === '\t')) j++;
        i = j;
        continue;
      }
      const simple = SIMPLE_ESCAPES[n];
      if (simple !== undefined) {
        out.push(simple, base + i, false);
        keep = out.length;
        i += 2;
        continue;
      }
      const digits = HEX_ESCAPES[n];
      if (digits === undefined) return undefined;
      const hex = src.slice(i + 2, i + 2 + digits);
      if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      for (const ch of String.fromCodePoint(parseInt(hex, 16))) out.push(ch, base + i, false);
      keep = out.length;
      i += 2 + digits;
      continue;
    }
    if (style === 'single' && c === "'") {
      if (src[i + 1] !== "'") return undefined;
      out.push("'", base + i, false);
      keep = out.length;
      i += 2;
      continue;
    }
    if (style === 'plain' && c === '#' && (src[i - 1] === ' ' || src[i - 1] === '\t' || src[i - 1] === '\n')) return undefined;
    out.push(c, base + i, true);
    i++;
  }
  return out.done(base + to);
}

/** Literal `|` and folded `>` block scalars, with their indentation indicator and chomping. */
function decodeBlock(src: string, base: number, style: 'literal' | 'folded'): MappedText | undefined {
  const header = /^[|>]([1-9]?)([+-]?)([1-9]?)[ \t]*(?:#[^\n]*)?(?:\n|$)/.exec(src);
  if (!header) return undefined;
  // an indentation indicator counts from the parent's indentation, which the scalar alone does not show
  if (header[1] || header[3]) return undefined;
  const explicit = 0;
  const chomp = header[2] as '' | '+' | '-';
  // the block's lines: [start, end) offsets in src, without the line break
  const lines: { start: number; end: number }[] = [];
  for (let at = header[0].length; at < src.length; ) {
    const nl = src.indexOf('\n', at);
    const end = nl < 0 ? src.length : nl;
    lines.push({ start: at, end });
    at = end + 1;
    if (nl < 0) break;
  }
  if (lines.length && lines.at(-1)!.start === src.length) lines.pop();
  let indent = explicit;
  if (!indent) {
    const first = lines.find((l) => src.slice(l.start, l.end).trim() !== '');
    if (!first) return { text: '', offsets: [base + src.length], verbatim: [] };
    indent = /^ */.exec(src.slice(first.start, first.end))![0].length;
    if (indent === 0) return undefined;
  }
  const out = new MappedTextBuilder();
  // content lines, in order: the text after the indentation, where it starts, where its line break is
  type Line = { text: string; at: number; brk: number | undefined; empty: boolean; more: boolean };
  const content: Line[] = [];
  for (const l of lines) {
    const raw = src.slice(l.start, l.end);
    const lead = /^ */.exec(raw)![0].length;
    const empty = lead >= raw.length && lead <= indent;
    if (!empty && lead < indent) return undefined;
    const text = empty ? '' : raw.slice(indent);
    content.push({ text, at: l.start + Math.min(indent, raw.length), brk: l.end < src.length ? l.end : undefined, empty, more: !empty && /^[ \t]/.test(text) });
  }
  // trailing empty lines are chomped apart from the content
  let last = content.length - 1;
  while (last >= 0 && content[last]!.empty) last--;
  for (let k = 0; k <= last; k++) {
    const l = content[k]!;
    for (let c = 0; c < l.text.length; c++) out.push(l.text[c]!, base + l.at + c, true);
    if (k === last) break;
    if (l.brk === undefined) return undefined;
    if (style === 'literal' || l.empty || l.more) {
      out.push('\n', base + l.brk, true);
      continue;
    }
    // folded: a break between two lines of text (neither more indented) is a space, or disappears before empty lines
    let next = k + 1;
    while (next <= last && content[next]!.empty) next++;
    const nextLine = content[next]!;
    if (nextLine.more) {
      out.push('\n', base + l.brk, true);
      continue;
    }
    if (next === k + 1) out.push(' ', base + l.brk, false);
  }
  const tail = content.slice(last + 1);
  const lastBreak = last >= 0 ? content[last]!.brk : undefined;
  if (chomp !== '-' && last >= 0 && lastBreak !== undefined) out.push('\n', base + lastBreak, true);
  if (chomp === '+') for (const t of tail) if (t.brk !== undefined) out.push('\n', base + t.brk, true);
  return out.done(base + src.length);
}
