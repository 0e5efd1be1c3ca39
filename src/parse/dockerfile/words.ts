/**
 * Dockerfile-level word helpers: splitting an instruction's arguments the way
 * BuildKit does (quotes and the escape character respected, line
 * continuations and comment lines inside them dropped), and finding `$VAR`
 * references in them. Offsets are file offsets, so rules can report a word or
 * a variable directly.
 */
import type { DfInstruction } from './types.js';

export interface DfWord {
  /** The word as written. */
  readonly raw: string;
  /** Quotes removed and escapes resolved (variables are kept as written). */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** Some part of the word was quoted. */
  readonly quoted: boolean;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

/**
 * Splits `text` (which starts at file offset `base`) into words. An escape
 * character before a line break continues the line; a line that is only a
 * comment inside a continuation is skipped, as Docker does.
 */
export function splitWords(text: string, base: number, escapeChar = '\\'): DfWord[] {
  const out: DfWord[] = [];
  let i = 0;
  let cur: { start: number; raw: string; value: string; quoted: boolean; rawStart: number } | undefined;
  const flush = (end: number): void => {
    if (!cur) return;
    out.push({ raw: text.slice(cur.rawStart, end), value: cur.value, start: base + cur.rawStart, end: base + end, quoted: cur.quoted });
    cur = undefined;
  };
  const begin = (at: number): void => {
    cur ??= { start: at, raw: '', value: '', quoted: false, rawStart: at };
  };
  /** After a continuation: skip following comment-only and empty lines. */
  const skipContinuedLines = (): void => {
    for (;;) {
      let j = i;
      while (isSpace(text[j])) j++;
      if (text[j] === '#') {
        while (j < text.length && !isBreak(text[j])) j++;
        if (text[j] === '\r' && text[j + 1] === '\n') j++;
        i = j + 1;
        continue;
      }
      if (isBreak(text[j]) && j > i - 1) {
        // an empty line inside a continuation (deprecated, still accepted)
        if (text[j] === '\r' && text[j + 1] === '\n') j++;
        i = j + 1;
        continue;
      }
      return;
    }
  };
  const continuationAt = (k: number): number => {
    // escape char followed by optional spaces and a line break: returns the index after the break, or -1
    if (text[k] !== escapeChar) return -1;
    let j = k + 1;
    while (isSpace(text[j])) j++;
    if (text[j] === '\r' && text[j + 1] === '\n') return j + 2;
    if (isBreak(text[j])) return j + 1;
    if (j >= text.length) return j;
    return -1;
  };

  while (i < text.length) {
    const c = text[i]!;
    const cont = continuationAt(i);
    if (cont >= 0) {
      i = cont;
      skipContinuedLines();
      continue;
    }
    if (isSpace(c) || isBreak(c)) {
      flush(i);
      i++;
      continue;
    }
    begin(i);
    if (c === escapeChar) {
      const next = text[i + 1];
      if (next !== undefined) cur!.value += next;
      i += 2;
      continue;
    }
    if (c === '"' || c === "'") {
      cur!.quoted = true;
      let j = i + 1;
      while (j < text.length && text[j] !== c) {
        const k = continuationAt(j);
        if (k >= 0) {
          j = k;
          continue;
        }
        if (c === '"' && text[j] === escapeChar && j + 1 < text.length) {
          const n = text[j + 1]!;
          // inside double quotes the escape only protects a few characters
          cur!.value += n === '"' || n === escapeChar || n === '$' ? n : escapeChar + n;
          j += 2;
          continue;
        }
        cur!.value += text[j];
        j++;
      }
      i = j + 1;
      continue;
    }
    cur!.value += c;
    i++;
  }
  flush(Math.min(i, text.length));
  return out;
}

/** The words of an instruction's arguments (after its flags), or of its JSON array for the exec form. */
export function instructionWords(ins: DfInstruction): DfWord[] {
  if (!ins.argsSpan) return [];
  if (ins.execForm) return jsonWords(ins);
  const text = ins.file.text.slice(ins.argsSpan.start, ins.argsSpan.end);
  return splitWords(text, ins.argsSpan.start, escapeOf(ins));
}

/** The strings of a JSON-form instruction, with their spans (quotes included in the span). */
export function jsonWords(ins: DfInstruction): DfWord[] {
  const raw = ins.ast as unknown as { getJSONStrings?: () => { getJSONValue(): string; getValue(): string; getRange(): LspRange }[] };
  const strings = raw.getJSONStrings?.() ?? [];
  const lines = ins.file.lines;
  return strings.map((s) => {
    const r = s.getRange();
    const start = lines.offsetAt(r.start.line, r.start.character);
    const end = lines.offsetAt(r.end.line, r.end.character);
    return { raw: ins.file.text.slice(start, end), value: s.getJSONValue(), start, end, quoted: true };
  });
}

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** The escape character of the file an instruction belongs to. */
export function escapeOf(ins: DfInstruction): string {
  const a = ins.ast as unknown as { escapeChar?: string };
  return typeof a.escapeChar === 'string' ? a.escapeChar : '\\';
}

/**
 * `COPY`/`ADD` arguments as sources and destination. For the heredoc forms
 * (`COPY <<EOF /dest`) only the words on the instruction's first line count;
 * heredoc sources are flagged.
 */
export function copyArgs(ins: DfInstruction): { sources: DfWord[]; dest: DfWord | undefined; heredoc: boolean } {
  let words = instructionWords(ins);
  const heredoc = !ins.execForm && words.some((w) => /^<<-?/.test(w.raw));
  if (heredoc) {
    const firstBreak = ins.file.text.indexOf('\n', ins.argsSpan!.start);
    const lineEnd = firstBreak < 0 ? ins.end : firstBreak;
    words = words.filter((w) => w.start < lineEnd);
  }
  if (words.length < 2) return { sources: words.slice(0, -1), dest: words.at(-1), heredoc };
  return { sources: words.slice(0, -1), dest: words.at(-1), heredoc };
}

export interface VarRef {
  name: string;
  /** File offsets of the whole reference (`$X`, `${X:-d}`). */
  start: number;
  end: number;
  /** `:-`, `-`, `:+`, `+`, `:?`, `?` or another modifier, when the braces hold one. */
  operator?: string;
}

/** How deep `${X:-${Y:-…}}` defaults are looked into for references (each level scans its text again). */
export const MAX_VARIABLE_NESTING = 32;

const BRACED_NAME = /\$\{([A-Za-z_][A-Za-z0-9_]*)/y;
const PLAIN_NAME = /\$([A-Za-z_][A-Za-z0-9_]*)/y;
const OPERATOR = /(:?[-+?=]|##?|%%?|\/\/?)/y;

/** The modifier of a `${NAME…}` starting at `from`, within `text[from, to)`. */
function operatorAt(text: string, from: number, to: number): RegExpExecArray | null {
  if (from >= to) return null;
  OPERATOR.lastIndex = from;
  const m = OPERATOR.exec(text);
  if (!m || from + m[0].length <= to) return m;
  // Only an unclosed reference cut short can end inside a two-character modifier: match the shorter text then.
  OPERATOR.lastIndex = 0;
  return OPERATOR.exec(text.slice(from, to));
}

/**
 * Every `$NAME` / `${NAME…}` reference in `text` (starting at file offset
 * `base`) that Docker would expand: not after the escape character, not
 * inside single quotes. References nested in a `${X:-…}` default are listed
 * too, down to `MAX_VARIABLE_NESTING` levels.
 */
export function variableRefs(text: string, base: number, escapeChar = '\\', depth = 0): VarRef[] {
  const out: VarRef[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === escapeChar && quote !== "'") {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      else if (quote === "'") continue;
    } else if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    if (c !== '$') continue;
    const next = text[i + 1];
    if (next === '{') {
      // Sticky expressions match at `i` without slicing the rest of the text (which made long values quadratic).
      BRACED_NAME.lastIndex = i;
      const m = BRACED_NAME.exec(text);
      if (!m) continue;
      // find the matching brace
      let braces = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === escapeChar) {
          j++;
          continue;
        }
        if (text[j] === '{') braces++;
        else if (text[j] === '}' && --braces === 0) break;
      }
      const end = Math.min(j + 1, text.length);
      const afterName = i + m[0].length;
      const opMatch = operatorAt(text, afterName, end - 1);
      out.push({ name: m[1]!, start: base + i, end: base + end, ...(opMatch ? { operator: opMatch[1]! } : {}) });
      if (opMatch && depth < MAX_VARIABLE_NESTING) {
        const wordStart = afterName + opMatch[1]!.length;
        for (const ref of variableRefs(text.slice(wordStart, end - 1), base + wordStart, escapeChar, depth + 1)) out.push(ref);
      }
      i = end - 1;
      continue;
    }
    PLAIN_NAME.lastIndex = i;
    const m = PLAIN_NAME.exec(text);
    if (m) {
      out.push({ name: m[1]!, start: base + i, end: base + i + m[0].length });
      i += m[0].length - 1;
    }
  }
  return out;
}

/** Damerau-Levenshtein distance (optimal string alignment), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidate within a small edit distance (case-insensitive first), for "did you mean" hints. */
export function suggestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === name) continue;
    if (c.toLowerCase() === name.toLowerCase()) return c;
    const d = editDistance(name, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = name.length <= 4 ? 1 : 2;
  return bestD <= limit ? best : undefined;
}

export interface DfProperty {
  /** The key, quotes removed. */
  readonly name: string;
  readonly nameSpan: { start: number; end: number };
  /** The value, quotes removed and escapes resolved; undefined when none is given. */
  readonly value: string | undefined;
  readonly valueSpan: { start: number; end: number } | undefined;
  /** `=` for `key=value`; undefined for the legacy `key value` form and for a key alone. */
  readonly operator: '=' | undefined;
}

/**
 * The `key=value` pairs of an `ENV` or `LABEL` (also the legacy `ENV key value`
 * form). For `ARG` use `argDeclarations`: BuildKit reads `ARG a b` as two names.
 */
export function properties(ins: DfInstruction): DfProperty[] {
  const raw = ins.ast as unknown as {
    getProperties?: () => {
      getName(): string;
      getNameRange(): LspRange;
      getValue(): string | null;
      getValueRange(): LspRange | null;
      getAssignmentOperator(): string | null;
    }[];
  };
  const lines = ins.file.lines;
  const off = (r: LspRange): { start: number; end: number } => ({
    start: lines.offsetAt(r.start.line, r.start.character),
    end: lines.offsetAt(r.end.line, r.end.character),
  });
  return (raw.getProperties?.() ?? []).map((p) => {
    const valueRange = p.getValueRange();
    return {
      name: p.getName(),
      nameSpan: off(p.getNameRange()),
      value: p.getValue() ?? undefined,
      valueSpan: valueRange ? off(valueRange) : undefined,
      operator: p.getAssignmentOperator() === '=' ? '=' : undefined,
    };
  });
}

export interface ArgDeclaration {
  readonly name: string;
  readonly nameSpan: { start: number; end: number };
  /** The default, quotes removed; undefined for `ARG NAME` alone. */
  readonly value: string | undefined;
  /** File offsets of the default's text (after `=`). */
  readonly valueSpan: { start: number; end: number } | undefined;
}

/** The names an `ARG` declares, each with its default: `ARG A B=2` declares `A` and `B`. */
export function argDeclarations(ins: DfInstruction): ArgDeclaration[] {
  return instructionWords(ins).flatMap((w): ArgDeclaration[] => {
    const eq = w.raw.indexOf('=');
    const name = eq < 0 ? w.value : w.raw.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return [];
    const nameSpan = { start: w.start, end: w.start + name.length };
    if (eq < 0) return [{ name, nameSpan, value: undefined, valueSpan: undefined }];
    const valueSpan = { start: w.start + eq + 1, end: w.end };
    return [{ name, nameSpan, value: w.value.slice(w.value.indexOf('=') + 1), valueSpan }];
  });
}
