import type { Span } from '../../core/location.js';
import type { SourceFile } from '../../core/source.js';

/** One `KEY=value` line of a `.env` or `env_file`, with where its parts are written. */
export interface EnvEntry {
  readonly key: string;
  /** The value after quotes and escapes are handled; `KEY` alone gives `''`. */
  readonly value: string;
  /** `KEY` alone (no `=`): compose takes the value from the environment. */
  readonly bare: boolean;
  /** The key's text. */
  readonly keySpan: Span;
  /** The value's text, quotes included (empty span right after `=` for `KEY=`). */
  readonly valueSpan: Span;
  /** 1-based line of the key. */
  readonly line: number;
}

/** An `env_file:` the parse stage looked for. */
export interface EnvFile {
  /** Absolute path. */
  readonly path: string;
  readonly exists: boolean;
  /** Outside the project root: never read, whether it exists is not known (see engine/project-root.ts). */
  readonly outside?: boolean;
  /** The file's text and line index, when it exists (findings inside it use this). */
  readonly source?: SourceFile;
  readonly vars: ReadonlyMap<string, string>;
  readonly entries: readonly EnvEntry[];
  /** Its permission bits (`0o644`) as the parse stage found them on disk; undefined when unknown (not on disk, Windows). */
  readonly mode?: number;
  /** Not there, but the repository's tooling makes it (a Makefile rule for it): where that is written. */
  readonly generatedBy?: { readonly file: string; readonly line: number };
  /** What git makes of it (see stack/git.ts); undefined when not looked at (the file is missing or empty, or outside the project). */
  readonly git?: GitState;
}

/** What git makes of a file of the checkout, read from the repository's files (git is never run). */
export interface GitState {
  /** A git repository (a folder holding `.git`) lies between the file and the project root. */
  readonly repository: boolean;
  /** The repository's index lists the file: it is committed, or staged to be; undefined when unknown (no repository, an index that cannot be read). */
  readonly tracked?: boolean;
  /**
   * The ignore files (`.gitignore`s from the repository's top folder, or the project root, down, and
   * `info/exclude`) ignore it; undefined when unknown: no repository and no `.gitignore` at all.
   */
  readonly ignored?: boolean;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Reads a `.env` / `env_file` the way compose does: `KEY=VALUE` (also
 * `KEY: VALUE`), an `export ` prefix, single quotes verbatim, double quotes with
 * `\n` and `\"` escapes and able to span lines, ` #` comments after unquoted
 * values, blank lines and `#` lines skipped. Offsets are into `text`.
 */
export function envFileEntries(text: string): EnvEntry[] {
  const out: EnvEntry[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  for (let n = 0; n < lineStarts.length; n++) {
    const lineStart = lineStarts[n]!;
    const lineEnd = n + 1 < lineStarts.length ? lineStarts[n + 1]! - 1 : text.length;
    let raw = text.slice(lineStart, lineEnd);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    let i = raw.length - raw.trimStart().length;
    if (i >= raw.length || raw[i] === '#') continue;
    if (raw.startsWith('export ', i)) {
      i += 7;
      while (raw[i] === ' ' || raw[i] === '\t') i++;
    }
    const sep = findSeparator(raw, i);
    const keyText = (sep < 0 ? raw.slice(i) : raw.slice(i, sep)).trimEnd();
    if (!keyText || !KEY.test(keyText)) continue;
    const keySpan = { start: lineStart + i, end: lineStart + i + keyText.length };
    if (sep < 0) {
      out.push({ key: keyText, value: '', bare: true, keySpan, valueSpan: { start: keySpan.end, end: keySpan.end }, line: n + 1 });
      continue;
    }
    let v = sep + 1;
    while (raw[v] === ' ' || raw[v] === '\t') v++;
    const quote = raw[v];
    const valueStart = lineStart + v;
    if (quote === '"' || quote === "'") {
      // Double quotes may close on a later line; single quotes close on this one.
      const closed = findClosingQuote(text, valueStart + 1, quote);
      let body: string;
      if (closed < 0) {
        // Unterminated: the rest of the line, as compose keeps it.
        body = raw.slice(v + 1);
        out.push({ key: keyText, value: body, bare: false, keySpan, valueSpan: { start: valueStart, end: lineStart + raw.length }, line: n + 1 });
        continue;
      }
      body = text.slice(valueStart + 1, closed);
      if (quote === '"') body = body.replace(/\r\n/g, '\n').replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
      out.push({ key: keyText, value: body, bare: false, keySpan, valueSpan: { start: valueStart, end: closed + 1 }, line: n + 1 });
      // Skip the lines the quoted value spans.
      while (n + 1 < lineStarts.length && lineStarts[n + 1]! <= closed) n++;
      continue;
    }
    let value = raw.slice(v);
    const hash = value.search(/\s#/);
    if (hash >= 0) value = value.slice(0, hash);
    value = value.trimEnd();
    out.push({ key: keyText, value, bare: false, keySpan, valueSpan: { start: valueStart, end: valueStart + value.length }, line: n + 1 });
  }
  return out;
}

/** Index of `=` (or `: `) after a key, or -1. */
function findSeparator(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (c === '=') return i;
    if (c === ':' && (line[i + 1] === ' ' || line[i + 1] === '\t' || i + 1 === line.length)) return i;
    if (c === ' ' || c === '\t') {
      // `KEY = value` is accepted; anything else after a space is not a key.
      let j = i;
      while (line[j] === ' ' || line[j] === '\t') j++;
      if (line[j] === '=') return j;
      return -1;
    }
  }
  return -1;
}

function findClosingQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === quote) return i;
    if (quote === "'" && text[i] === '\n') return -1;
  }
  return -1;
}
