/**
 * Seeded mutations of linter inputs: each takes the bytes of a file and a
 * random source and returns new bytes. Byte-level on purpose, so that invalid
 * UTF-8, NUL bytes and cut multi-byte characters reach the reader as they
 * would from a disk.
 */

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same inputs on every machine. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

type Bytes = Buffer;
const latin1 = (b: Bytes) => b.toString('latin1');
const bytes = (s: string) => Buffer.from(s, 'latin1');

function lines(b: Bytes): string[] {
  return latin1(b).split(/(?<=\n)/);
}

function insertAt(b: Bytes, at: number, piece: string | Bytes): Bytes {
  const p = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
  return Buffer.concat([b.subarray(0, at), p, b.subarray(at)]);
}

/** A line boundary (start of a line) at random. */
function lineStart(b: Bytes, r: Random): number {
  const starts = [0];
  for (let i = 0; i < b.length; i++) if (b[i] === 0x0a) starts.push(i + 1);
  return r.pick(starts);
}

/** Indentation of the line holding offset `at`, so inserted YAML lands at a plausible depth. */
function indentAt(b: Bytes, at: number): string {
  let s = at;
  while (s > 0 && b[s - 1] !== 0x0a) s--;
  let e = s;
  while (e < b.length && b[e] === 0x20) e++;
  return ' '.repeat(e - s);
}

export interface Mutator {
  name: string;
  apply(b: Bytes, r: Random, other: () => Bytes): Bytes;
}

/** Nesting depths of the deep mutations: mostly around the limits, sometimes far past them. */
const DEPTHS = [10, 100, 300, 600, 1100, 2500];

export const MUTATORS: readonly Mutator[] = [
  {
    name: 'flip-bits',
    apply(b, r) {
      if (!b.length) return b;
      const out = Buffer.from(b);
      for (let n = 1 + r.int(8); n > 0; n--) out[r.int(out.length)] ^= 1 << r.int(8);
      return out;
    },
  },
  {
    name: 'set-bytes',
    apply(b, r) {
      if (!b.length) return b;
      const out = Buffer.from(b);
      const special = [0x00, 0x0a, 0x0d, 0x09, 0x20, 0x22, 0x27, 0x5c, 0x24, 0x7b, 0x7d, 0x5b, 0x5d, 0x3a, 0x23, 0x26, 0x2a, 0x3c, 0x60, 0xff, 0xc3, 0xe2, 0x80];
      for (let n = 1 + r.int(4); n > 0; n--) out[r.int(out.length)] = r.pick(special);
      return out;
    },
  },
  { name: 'truncate', apply: (b, r) => b.subarray(0, r.int(b.length + 1)) },
  { name: 'cut-front', apply: (b, r) => b.subarray(r.int(b.length + 1)) },
  {
    name: 'duplicate-lines',
    apply(b, r) {
      const ls = lines(b);
      if (!ls.length) return b;
      const i = r.int(ls.length);
      const n = 1 + r.int(Math.min(8, ls.length - i));
      const times = r.chance(0.1) ? 50 : 1;
      const block = ls.slice(i, i + n).join('');
      ls.splice(i, 0, block.repeat(times));
      return bytes(ls.join(''));
    },
  },
  {
    name: 'delete-lines',
    apply(b, r) {
      const ls = lines(b);
      if (!ls.length) return b;
      ls.splice(r.int(ls.length), 1 + r.int(4));
      return bytes(ls.join(''));
    },
  },
  {
    name: 'swap-lines',
    apply(b, r) {
      const ls = lines(b);
      if (ls.length < 2) return b;
      const i = r.int(ls.length);
      const j = r.int(ls.length);
      [ls[i], ls[j]] = [ls[j]!, ls[i]!];
      return bytes(ls.join(''));
    },
  },
  {
    name: 'splice-other',
    apply(b, r, other) {
      const o = other();
      const from = r.int(o.length + 1);
      return insertAt(b, lineStart(b, r), o.subarray(from, from + r.int(400)));
    },
  },
  {
    name: 'yaml-anchors',
    apply(b, r) {
      // An anchor on some value and aliases (and merge keys) to it elsewhere, possibly to itself.
      const ls = lines(b);
      if (!ls.length) return b;
      const i = r.int(ls.length);
      ls[i] = ls[i]!.replace(/:(\s)/, ': &a$1');
      const j = r.int(ls.length);
      const indent = /^ */.exec(ls[j]!)![0];
      ls.splice(j, 0, r.pick([`${indent}<<: *a\n`, `${indent}x: *a\n`, `${indent}- *a\n`, `${indent}<<: [*a, *a]\n`, `${indent}*a : v\n`]));
      return bytes(ls.join(''));
    },
  },
  {
    name: 'alias-bomb',
    apply(b, r) {
      const levels = 3 + r.int(8);
      let text = 'x-bomb:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
      for (let i = 1; i < levels; i++) text += `  a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
      return insertAt(b, r.chance(0.5) ? 0 : b.length, text);
    },
  },
  {
    name: 'deep-yaml',
    apply(b, r) {
      const depth = r.pick(DEPTHS);
      const at = lineStart(b, r);
      const indent = indentAt(b, at);
      const kind = r.int(3);
      let piece: string;
      if (kind === 0) piece = `${indent}deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
      else if (kind === 1) piece = `${indent}deep: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
      else piece = Array.from({ length: Math.min(depth, 300) }, (_, k) => `${indent}${' '.repeat(k)}k${k}:\n`).join('');
      return insertAt(b, at, piece);
    },
  },
  {
    name: 'deep-interpolation',
    apply(b, r) {
      const depth = r.pick(DEPTHS);
      const at = lineStart(b, r);
      const indent = indentAt(b, at);
      const value = '${V:-'.repeat(depth) + 'x' + (r.chance(0.8) ? '}'.repeat(depth) : '');
      return insertAt(b, at, r.chance(0.5) ? `${indent}image: ${value}\n` : `${indent}- X=${value}\n`);
    },
  },
  {
    name: 'deep-shell',
    apply(b, r) {
      const depth = r.pick(DEPTHS);
      const at = lineStart(b, r);
      const shape = r.int(6);
      const list = (sep: string) => Array.from({ length: depth }, (_, k) => `echo ${k}`).join(sep);
      const piece =
        shape === 0 ? `RUN ${list(' && \\\n    ')}\n`
        : shape === 1 ? `${list(' && ')}\n`
        : shape === 2 ? `echo "${'$('.repeat(depth)}x${')'.repeat(depth)}"\n`
        : shape === 3 ? `${'if true; then\n'.repeat(depth)}echo\n${'fi\n'.repeat(depth)}`
        : shape === 4 ? `${'('.repeat(depth)}echo${')'.repeat(depth)}\n`
        : `${list(' | ')}\n`;
      return insertAt(b, at, piece);
    },
  },
  {
    name: 'invalid-utf8',
    apply(b, r) {
      const pieces = [[0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xff], [0xfe], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0x80, 0x80]];
      let out = b;
      for (let n = 1 + r.int(3); n > 0; n--) out = insertAt(out, r.int(out.length + 1), Buffer.from(r.pick(pieces)));
      return out;
    },
  },
  { name: 'nul', apply: (b, r) => insertAt(b, r.chance(0.3) ? r.int(Math.min(b.length, 8192) + 1) : r.int(b.length + 1), Buffer.from([0])) },
  {
    name: 'line-endings',
    apply(b, r) {
      const mode = r.int(4);
      const ls = lines(b).map((l) => {
        if (!l.endsWith('\n') || (mode === 3 && r.chance(0.5))) return l;
        const body = l.replace(/\r?\n$/, '');
        return body + (mode === 0 ? '\r\n' : mode === 1 ? '\r' : r.pick(['\n', '\r\n', '\r']));
      });
      let text = ls.join('');
      if (r.chance(0.5)) text = '\xef\xbb\xbf' + text;
      if (r.chance(0.1)) text = text + '\xef\xbb\xbf';
      return bytes(text);
    },
  },
  {
    name: 'cut-heredoc',
    apply(b, r) {
      // Drop the line that ends a heredoc (or cut the file inside one).
      const ls = lines(b);
      const opens = ls.flatMap((l, i) => {
        const m = /<<-?\s*['"]?([A-Za-z_]+)/.exec(l);
        return m ? [{ i, tag: m[1]! }] : [];
      });
      if (!opens.length) return insertAt(b, lineStart(b, r), "cat <<'EOF'\nunterminated\n");
      const { i, tag } = r.pick(opens);
      const end = ls.findIndex((l, k) => k > i && l.trim() === tag);
      if (end < 0 || r.chance(0.3)) return bytes(ls.slice(0, i + 1 + r.int(3)).join(''));
      ls.splice(end, 1);
      return bytes(ls.join(''));
    },
  },
  {
    name: 'unbalanced',
    apply(b, r) {
      const tokens = ['"', "'", '`', '$(', '${', '((', '[[', '{', '[', ']', '}', ')', '\\', '\\\n', '<<', '<<EOF', '&&', '|', ';;', '#', ': ', '- ', '*', '&', '!!', '%', '@', '|\n', '>\n'];
      let out = b;
      for (let n = 1 + r.int(3); n > 0; n--) out = insertAt(out, r.int(out.length + 1), r.pick(tokens));
      return out;
    },
  },
  {
    name: 'long-line',
    apply(b, r) {
      const at = lineStart(b, r);
      return insertAt(b, at, `${indentAt(b, at)}${r.pick(['x', 'a ', '"', '$x', '\\ ', '- ', ':'])}`.repeat(1000 + r.int(5000)) + '\n');
    },
  },
];

/** One to three mutations, chosen at random; the names say which. */
export function mutate(b: Bytes, r: Random, other: () => Bytes): { bytes: Bytes; steps: string[] } {
  const steps: string[] = [];
  let out = b;
  for (let n = 1 + r.int(3); n > 0; n--) {
    const m = r.pick(MUTATORS);
    steps.push(m.name);
    out = m.apply(out, r, other);
  }
  return { bytes: out, steps };
}
