/**
 * The shell scripts a compose file holds: a `command:`/`entrypoint:` that
 * runs a shell with `-c` (`["sh", "-c", "<script>"]`, or the string
 * `sh -c "<script>"`, which compose splits into words first, it never runs a
 * string through a shell itself), and a healthcheck's `test:` run by
 * `/bin/sh -c` (`["CMD-SHELL", "<script>"]`, or a string). Each script is
 * read as the shell will see it, character by character mapped to where it
 * is written:
 *
 * - the YAML scalar's quoting, escapes and folding are undone
 *   (../yaml/scalar-text.ts);
 * - compose's interpolation: `$$` is a `$` for the shell; `$VAR` and
 *   `${VAR…}` are compose's own, replaced before the shell runs, so they
 *   stand as a placeholder word (`_` characters), not as shell expansions;
 * - for the string form, compose's word splitting (quotes and backslashes,
 *   as go-shellwords reads them) is undone around the script word.
 *
 * Where the scalar is written in a way this does not read exactly, the
 * script is still read (from the YAML value), but every position maps to the
 * scalar's start and nothing in it can be edited.
 */
import type { TextEdit } from '../../core/diagnostic.js';
import type { ShellDialect } from '../shell/types.js';
import { isScalar, isSeq, type ScalarStyle, type YNode, type YScalar } from '../yaml/nodes.js';
import { decodeScalarSource, decodeScalarText, MappedTextBuilder, type MappedText } from '../yaml/scalar-text.js';
import type { ComposeService } from './document.js';

/** Where a script word sits in compose's word splitting: its characters' quoting. */
type Quote = 'none' | 'single' | 'double';

export type ComposeShellKey = 'command' | 'entrypoint' | 'healthcheck';

export interface ComposeShellString {
  readonly service: string;
  /** The key that runs it: `command`, `entrypoint` or the healthcheck's `test`. */
  readonly key: ComposeShellKey;
  /** The scalar that holds the script. */
  readonly node: YScalar;
  /** The shell that runs it: `sh` for `CMD-SHELL` and `sh -c`, `bash` for `bash -c`. */
  readonly dialect: ShellDialect;
  /** The script as the shell sees it, mapped into the compose file. */
  readonly script: MappedText;
  /** The positions are exact (else every one is the scalar's start). */
  readonly exact: boolean;
  /** How the script is read from the scalar: the whole value, or its `index`-th word (`sh -c "…"` as a string). */
  readonly form: { readonly kind: 'whole' } | { readonly kind: 'word'; readonly index: number };
  /** For the word form: each script character's quoting in compose's word splitting. */
  readonly quotes?: readonly Quote[];
}

/** Base names of the shells whose `-c` script is read. */
const SHELLS: Record<string, ShellDialect> = { sh: 'sh', bash: 'bash', dash: 'dash', ash: 'ash', ksh: 'ksh', zsh: 'zsh' };

/** The shell scripts of a service's `entrypoint`, `command` and healthcheck. */
export function serviceShellStrings(service: ComposeService): ComposeShellString[] {
  const out: ComposeShellString[] = [];
  const entrypoint = service.get('entrypoint');
  const command = service.get('command');
  const fromEntrypoint = argvScript(service.name, 'entrypoint', entrypoint);
  if (fromEntrypoint && 'script' in fromEntrypoint) out.push(fromEntrypoint);
  else if (fromEntrypoint && 'dialect' in fromEntrypoint) {
    // `entrypoint: ["sh", "-c"]`: the command's first word is the script
    const first = firstArg(service.name, command, fromEntrypoint.dialect);
    if (first) out.push(first);
  }
  const fromCommand = argvScript(service.name, 'command', command);
  if (fromCommand && 'script' in fromCommand) out.push(fromCommand);
  const healthcheck = service.get('healthcheck');
  const test = healthcheck?.type === 'map' ? healthcheck.get('test') : undefined;
  if (isScalar(test) && typeof test.value === 'string' && test.value.trim() !== '' && test.value !== 'NONE') {
    out.push(whole(service.name, 'healthcheck', test, 'sh'));
  } else if (isSeq(test)) {
    const kind = scalarString(test.items[0]);
    const item = test.items[1];
    if (kind === 'CMD-SHELL' && isScalar(item) && typeof item.value === 'string') out.push(whole(service.name, 'healthcheck', item, 'sh'));
    else if (kind === 'CMD') {
      const found = listScript(service.name, 'healthcheck', test.items.slice(1));
      if (found && 'script' in found) out.push(found);
    }
  }
  return out;
}

type Found = ComposeShellString | { dialect: ShellDialect } | undefined;

/** A shell `-c` script in a list or a string; `{ dialect }` when the shell's script is left to the next key (`entrypoint: [sh, -c]`). */
function argvScript(service: string, key: ComposeShellKey, node: YNode | undefined): Found {
  if (isSeq(node)) return listScript(service, key, node.items);
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const { words, exact } = splitScalar(node);
  const at = scriptIndex(words.map((w) => w.text.text));
  if (!at) return undefined;
  if (at.index >= words.length) return { dialect: at.dialect };
  return wordScript(service, key, node, at.dialect, at.index, words[at.index]!, exact);
}

function listScript(service: string, key: ComposeShellKey, items: readonly YNode[]): Found {
  const argv = items.map(scalarString);
  if (argv.some((a) => a === undefined)) return undefined;
  const at = scriptIndex(argv as string[]);
  if (!at) return undefined;
  if (at.index >= items.length) return { dialect: at.dialect };
  return whole(service, key, items[at.index] as YScalar, at.dialect);
}

/** The script given as the first argument of `command` to an `entrypoint` shell. */
function firstArg(service: string, node: YNode | undefined, dialect: ShellDialect): ComposeShellString | undefined {
  if (isSeq(node)) {
    const first = node.items[0];
    return isScalar(first) && typeof first.value === 'string' ? whole(service, 'command', first, dialect) : undefined;
  }
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const { words, exact } = splitScalar(node);
  return words[0] ? wordScript(service, 'command', node, dialect, 0, words[0], exact) : undefined;
}

/**
 * Where the script is in `sh [options] -c script [name args…]`, and the shell's
 * dialect; `index` is past the end when the argv stops after `-c`.
 */
export function scriptIndex(argv: readonly string[]): { index: number; dialect: ShellDialect } | undefined {
  const exe = argv[0]?.split('/').pop();
  const dialect = exe === undefined ? undefined : SHELLS[exe];
  if (!dialect) return undefined;
  let hasC = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || a === '-') return hasC ? { index: i + 1, dialect } : undefined;
    if (/^[-+][A-Za-z]+$/.test(a)) {
      if (a.startsWith('-') && a.includes('c')) hasC = true;
      if (/[oO]$/.test(a)) i++; // `-o pipefail`
      continue;
    }
    return hasC ? { index: i, dialect } : undefined;
  }
  return hasC ? { index: argv.length, dialect } : undefined;
}

function scalarString(n: YNode | undefined): string | undefined {
  return isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
}

/** A script that is a scalar's whole value. */
function whole(service: string, key: ComposeShellKey, node: YScalar, dialect: ShellDialect): ComposeShellString {
  const decoded = decodeScalarText(node);
  const exact = decoded && maskInterpolation(decoded);
  const script = exact ?? maskInterpolation(unmapped(String(node.value), node.start)) ?? unmapped(String(node.value), node.start);
  return { service, key, node, dialect, script, exact: Boolean(exact), form: { kind: 'whole' } };
}

function wordScript(service: string, key: ComposeShellKey, node: YScalar, dialect: ShellDialect, index: number, word: Word, exact: boolean): ComposeShellString {
  return { service, key, node, dialect, script: word.text, exact, form: { kind: 'word', index }, quotes: word.quotes };
}

/** A scalar string split into words as compose splits a string `command:`. */
function splitScalar(node: YScalar): { words: Word[]; exact: boolean } {
  const decoded = decodeScalarText(node);
  const masked = decoded && maskInterpolation(decoded);
  if (masked) return { words: splitWords(masked), exact: true };
  const fallback = maskInterpolation(unmapped(String(node.value), node.start)) ?? unmapped(String(node.value), node.start);
  return { words: splitWords(fallback), exact: false };
}

/** A text whose every character maps to one offset, none written as is. */
function unmapped(text: string, at: number): MappedText {
  return { text, offsets: Array.from({ length: text.length + 1 }, () => at), verbatim: Array.from({ length: text.length }, () => false) };
}

/**
 * Compose's interpolation, as the shell meets its result: `$$` becomes `$`,
 * `$VAR` and `${…}` become `_` placeholders of the same length (compose
 * replaces them with a value the shell cannot see here). Undefined when a
 * `${` is not closed (compose refuses the file).
 */
export function maskInterpolation(m: MappedText): MappedText | undefined {
  const s = m.text;
  if (!s.includes('$')) return m;
  const out = new MappedTextBuilder();
  const copy = (i: number, verbatim = m.verbatim[i]!): void => out.push(s[i]!, m.offsets[i]!, verbatim);
  for (let i = 0; i < s.length; ) {
    if (s[i] !== '$') {
      copy(i++);
      continue;
    }
    const next = s[i + 1];
    if (next === '$') {
      out.push('$', m.offsets[i]!, false);
      i += 2;
      continue;
    }
    let end = i + 1;
    if (next === '{') {
      let depth = 1;
      for (end = i + 2; end < s.length && depth > 0; end++) {
        if (s[end] === '$' && s[end + 1] === '{') {
          depth++;
          end++;
        } else if (s[end] === '}') depth--;
      }
      if (depth > 0) return undefined;
    } else if (next !== undefined && /[A-Za-z_]/.test(next)) {
      end = i + 2;
      while (end < s.length && /[A-Za-z0-9_]/.test(s[end]!)) end++;
    } else {
      copy(i++); // a lone `$` stays
      continue;
    }
    for (let k = i; k < end; k++) out.push('_', m.offsets[k]!, false);
    i = end;
  }
  return out.done(m.offsets[s.length]!);
}

interface Word {
  readonly text: MappedText;
  readonly quotes: readonly Quote[];
}

/**
 * Splits a string into words as compose does (go-shellwords): blanks
 * separate words, single quotes keep everything, a backslash outside single
 * quotes takes the next character as it is (inside double quotes too), and an
 * unquoted `;`, `&`, `|`, `<` or `>` ends the command line.
 */
export function splitWords(m: MappedText): Word[] {
  const s = m.text;
  const words: Word[] = [];
  let cur: MappedTextBuilder | undefined;
  let quotes: Quote[] = [];
  let quote: Quote = 'none';
  const finish = (end: number): void => {
    if (cur) words.push({ text: cur.done(end), quotes });
    cur = undefined;
    quotes = [];
  };
  const add = (i: number, verbatim: boolean): void => {
    cur ??= new MappedTextBuilder();
    cur.push(s[i]!, m.offsets[i]!, verbatim);
    quotes.push(quote);
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && quote !== 'single') {
      if (i + 1 < s.length) add(++i, false);
      continue;
    }
    if ((c === ' ' || c === '\t' || c === '\n') && quote === 'none') {
      finish(m.offsets[i]!);
      continue;
    }
    if (c === '"' && quote !== 'single') {
      cur ??= new MappedTextBuilder();
      quote = quote === 'double' ? 'none' : 'double';
      continue;
    }
    if (c === "'" && quote !== 'double') {
      cur ??= new MappedTextBuilder();
      quote = quote === 'single' ? 'none' : 'single';
      continue;
    }
    if (quote === 'none' && ';&|<>'.includes(c)) break;
    add(i, m.verbatim[i]!);
  }
  if (cur) finish(m.offsets[s.length]!);
  return words;
}

/** Reads the script again from a scalar's (changed) source: what a fix would leave there. */
function rereadScript(s: ComposeShellString, source: string): string | undefined {
  const decoded = decodeScalarSource(source, s.node.style, s.node.start);
  const masked = decoded && maskInterpolation(decoded);
  if (!masked) return undefined;
  if (s.form.kind === 'whole') return masked.text;
  return splitWords(masked)[s.form.index]?.text.text;
}

/**
 * A fix's edits, given in script offsets, as edits of the compose file; undefined
 * when one of them cannot be written there exactly: it touches text the
 * file spells differently (an escape, `$$`, compose's interpolation, a
 * folded line break), or its new text cannot be written in the scalar's
 * style, or the changed scalar would not read back as the fixed script.
 */
export function composeScriptEdits(s: ComposeShellString, edits: readonly TextEdit[]): TextEdit[] | undefined {
  if (!s.exact) return undefined;
  const m = s.script;
  const out: TextEdit[] = [];
  for (const e of edits) {
    const span = rawSpan(m, e.start, e.end);
    if (!span) return undefined;
    const at = e.start < m.text.length ? e.start : e.start - 1;
    const quote = s.quotes?.[at] ?? 'none';
    const text = encode(e.text, s, quote, span.start);
    if (text === undefined) return undefined;
    out.push({ start: span.start, end: span.end, text });
  }
  // Read the changed scalar back: it must be the fixed script.
  const node = s.node;
  let source = node.source;
  for (const e of [...out].sort((a, b) => b.start - a.start)) source = source.slice(0, e.start - node.start) + e.text + source.slice(e.end - node.start);
  let expected = m.text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) expected = expected.slice(0, e.start) + e.text + expected.slice(e.end);
  return rereadScript(s, source) === expected ? out.sort((a, b) => a.start - b.start) : undefined;
}

/** The file span of script span [start, end) when every character of it is written as it is, in one run. */
function rawSpan(m: MappedText, start: number, end: number): { start: number; end: number } | undefined {
  if (start < 0 || end > m.text.length || start > end) return undefined;
  if (start === end) {
    if (start < m.text.length && m.verbatim[start]) return { start: m.offsets[start]!, end: m.offsets[start]! };
    if (start > 0 && m.verbatim[start - 1]) return { start: m.offsets[start - 1]! + 1, end: m.offsets[start - 1]! + 1 };
    return undefined;
  }
  for (let k = start; k < end; k++) {
    if (!m.verbatim[k]) return undefined;
    if (k > start && m.offsets[k] !== m.offsets[k - 1]! + 1) return undefined;
  }
  return { start: m.offsets[start]!, end: m.offsets[end - 1]! + 1 };
}

/** New script text as the scalar must spell it, through compose's word splitting, interpolation and the YAML style. */
function encode(text: string, s: ComposeShellString, quote: Quote, rawStart: number): string | undefined {
  let t = text;
  if (s.form.kind === 'word') {
    if (quote === 'none' && /[\s"'\\;&|<>`]/.test(t)) return undefined;
    if (quote === 'single' && t.includes("'")) return undefined;
    if (quote === 'double') t = t.replace(/[\\"]/g, (c) => `\\${c}`);
  }
  t = t.replace(/\$/g, '$$$$');
  return encodeForStyle(t, s.node.style, rawStart === s.node.start);
}

function encodeForStyle(t: string, style: ScalarStyle, atStart: boolean): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0a-\x1f\x7f]/.test(t)) return undefined;
  switch (style) {
    case 'double':
      return t.replace(/[\\"]/g, (c) => `\\${c}`);
    case 'single':
      return t.replace(/'/g, "''");
    case 'plain':
      // not `#`, `:` or a flow indicator (the scalar may sit in `[…]`), no blank at either end, no indicator first
      if (/[#:\t,[\]{}]/.test(t) || /^\s|\s$/.test(t) || (atStart && /^[-?'"&*!|>%@`]/.test(t))) return undefined;
      return t;
    case 'literal':
    case 'folded':
      return /\t/.test(t) ? undefined : t;
  }
}

/** A script span [start, end) as a span of the compose file. */
export function composeScriptSpan(s: ComposeShellString, start: number, end: number): { start: number; end: number } {
  if (!s.exact) return { start: s.node.start, end: s.node.start };
  const m = s.script;
  const clamp = (i: number): number => Math.max(0, Math.min(i, m.text.length));
  const a = m.offsets[clamp(start)]!;
  const b = end > start ? m.offsets[clamp(end) - 1]! + 1 : a;
  return { start: a, end: Math.max(a, b) };
}

