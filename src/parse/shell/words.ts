/**
 * Static values of shell words: quote removal and backslash escapes, computed
 * from the tree-sitter node structure (so expansions are recognised the way the
 * grammar sees them).
 */
import type { ShNode, ShWord } from './types.js';

/** Node types that expand to something only known at run time. */
const EXPANSION_TYPES = new Set([
  'simple_expansion',
  'expansion',
  'command_substitution',
  'process_substitution',
  'arithmetic_expansion',
  // `{a,b}` / `{1..3}` (bash brace expansion) turns one word into several
  'brace_expression',
]);

interface EvalState {
  dynamic: boolean;
  expansion: boolean;
  unquotedExpansion: boolean;
}

export interface WordEvaluation {
  value: string | undefined;
  hasExpansion: boolean;
  hasUnquotedExpansion: boolean;
}

export function evaluateWord(node: ShNode): WordEvaluation {
  const st: EvalState = { dynamic: false, expansion: false, unquotedExpansion: false };
  const value = evalInto(node, false, st);
  return {
    value: st.dynamic ? undefined : value,
    hasExpansion: st.expansion,
    hasUnquotedExpansion: st.unquotedExpansion,
  };
}

export function makeWord(node: ShNode): ShWord {
  const ev = evaluateWord(node);
  return {
    node,
    raw: node.text,
    value: ev.value,
    hasExpansion: ev.hasExpansion,
    hasUnquotedExpansion: ev.hasUnquotedExpansion,
    start: node.start,
    end: node.end,
    file: node.file,
  };
}

function evalInto(node: ShNode, quoted: boolean, st: EvalState): string {
  if (EXPANSION_TYPES.has(node.type)) {
    st.dynamic = true;
    st.expansion = true;
    if (!quoted) st.unquotedExpansion = true;
    return '';
  }
  switch (node.type) {
    case 'raw_string': {
      const t = node.text;
      return t.length >= 2 && t.endsWith("'") ? t.slice(1, -1) : t.slice(1);
    }
    case 'ansi_c_string': {
      const t = node.text;
      return unescapeAnsiC(t.length >= 3 && t.endsWith("'") ? t.slice(2, -1) : t.slice(2));
    }
    case 'string':
    case 'translated_string':
      return evalChildren(node, true, st);
    case 'heredoc_start':
      // the delimiter: quote removal only, never expanded
      return removeQuotes(node.text);
    case 'array':
      // `(a b c)` is a list, not one word
      st.dynamic = true;
      evalChildren(node, quoted, st);
      return '';
  }
  if (node.children.length === 0) return quoted ? unescapeDouble(node.text) : unescapeUnquoted(node.text);
  if (node.type === 'concatenation' && !quoted && isBraceList(node)) {
    st.dynamic = true;
    st.expansion = true;
    st.unquotedExpansion = true;
  }
  return evalChildren(node, quoted, st);
}

/** `{a,b}` / `x{a,b}y`: tree-sitter-bash gives a concatenation of `{`, `a,b`, `}` words (only `{1..3}` is a brace_expression). */
function isBraceList(node: ShNode): boolean {
  let open = -1;
  let comma = false;
  node.children.forEach((c, i) => {
    if (c.type !== 'word') return;
    const t = c.text;
    if (t === '{') {
      open = i;
      comma = false;
    } else if (t === '}' && open >= 0 && comma) {
      open = -2; // found
    } else if (open >= 0 && t.includes(',')) {
      comma = true;
    }
  });
  return open === -2;
}

/** Concatenates the children's values, and the text between them (which the grammar leaves out of any child). */
function evalChildren(node: ShNode, quoted: boolean, st: EvalState): string {
  const text = node.text;
  let out = '';
  let pos = node.start;
  const isString = node.type === 'string' || node.type === 'translated_string';
  for (const child of node.children) {
    if (child.start > pos) out += gapText(text.slice(pos - node.start, child.start - node.start), quoted);
    pos = Math.max(pos, child.end);
    if (
      isString &&
      !child.named &&
      (child.type === '"' || child.type === '$"' || (child.type === '$' && child.start === node.start))
    ) {
      continue;
    }
    out += evalInto(child, quoted, st);
  }
  if (node.end > pos) out += gapText(text.slice(pos - node.start), quoted);
  return out;
}

function gapText(s: string, quoted: boolean): string {
  return quoted ? unescapeDouble(s) : unescapeUnquoted(s);
}

/** Outside quotes: `\x` is `x`, backslash-newline disappears. */
export function unescapeUnquoted(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(\r?\n|[\s\S])/g, (_, c: string) => (c === '\n' || c === '\r\n' ? '' : c));
}

/** Inside double quotes: only `\$`, `` \` ``, `\"`, `\\` and backslash-newline are escapes. */
export function unescapeDouble(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(\r?\n|[$`"\\])/g, (_, c: string) => (c === '\n' || c === '\r\n' ? '' : c));
}

const ANSI_SIMPLE: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** The body of `$'…'`. */
export function unescapeAnsiC(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i === s.length - 1) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    const simple = ANSI_SIMPLE[n];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    let m: RegExpMatchArray | null;
    const rest = s.slice(i);
    if ((m = /^[0-7]{1,3}/.exec(rest))) {
      out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
      i += m[0].length - 1;
    } else if ((m = /^x([0-9a-fA-F]{1,2})/.exec(rest))) {
      out += String.fromCharCode(parseInt(m[1]!, 16));
      i += m[0].length - 1;
    } else if ((m = /^u([0-9a-fA-F]{1,4})/.exec(rest)) || (m = /^U([0-9a-fA-F]{1,8})/.exec(rest))) {
      const cp = parseInt(m[1]!, 16);
      out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
      i += m[0].length - 1;
    } else if (n === 'c' && i + 1 < s.length) {
      out += String.fromCharCode(s.charCodeAt(++i) & 0x1f);
    } else {
      out += '\\' + n;
    }
  }
  return out;
}

/** Quote removal for a word whose expansions are not performed (heredoc delimiters). */
export function removeQuotes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      out += text[++i]!;
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? text.length : close;
      out += text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < text.length && '$`"\\'.includes(text[j + 1]!)) j++;
        out += text[j]!;
        j++;
      }
      i = j;
    } else {
      out += c;
    }
  }
  return out;
}
