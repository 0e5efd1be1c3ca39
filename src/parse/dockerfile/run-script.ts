import type { ShellDialect } from '../shell/types.js';

/**
 * Prepares a shell-form `RUN` body for the shell parser without moving any
 * character, so offsets in the parsed text map straight back into the
 * Dockerfile. Docker drops comment lines and empty lines inside a line
 * continuation before the shell sees the command; here they are turned into
 * whitespace that continues the line:
 * - a comment line becomes spaces ending in `\`;
 * - an empty line takes over the previous line's continuation (the `\` and
 *   line break before it become a space and a `\`).
 * A `\r` before a line break becomes a space (keeping a continuation intact).
 * Text from `until` on (heredoc bodies) is left as it is.
 */
export function prepareRunBody(body: string, until = body.length): string {
  // Works on the string and writes a character array only when something
  // changes: most bodies have no CR, no comment and no empty line inside a
  // continuation, and then come back as they are (splitting every body into
  // characters and joining each line was a visible cost of parsing a Dockerfile).
  const text = body.includes('\r') ? withoutCarriageReturns(body, until) : body;
  /** Writes in order: blank a comment line [from, to) ending in `\`, or move a continuation `\` from `from` to `to`. */
  const edits: { blank: boolean; from: number; to: number }[] = [];
  const length = text.length;
  let lineStart = 0;
  /** Index of the `\` that continues the previous line, or -1 when it does not continue. */
  let continuation = -1;
  while (lineStart < length && lineStart < until) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = length;
    const line = text.slice(lineStart, lineEnd);
    if (continuation >= 0 && lineEnd < length && (line.trim() === '' || COMMENT_LINE.test(line))) {
      if (line.length > 0) {
        edits.push({ blank: true, from: lineStart, to: lineEnd });
        continuation = lineEnd - 1;
      } else {
        // Nothing to overwrite on an empty line: move the previous continuation onto its line break.
        edits.push({ blank: false, from: continuation, to: lineStart - 1 });
        continuation = lineStart - 1;
      }
    } else {
      const m = CONTINUED.exec(line);
      continuation = m ? lineStart + m.index : -1;
    }
    lineStart = lineEnd + 1;
  }
  if (edits.length === 0) return text;
  const chars = text.split('');
  for (const e of edits) {
    if (e.blank) {
      for (let i = e.from; i < e.to; i++) chars[i] = ' ';
      chars[e.to - 1] = '\\';
    } else {
      chars[e.from] = ' ';
      chars[e.to] = '\\';
    }
  }
  return chars.join('');
}

const COMMENT_LINE = /^\s*#/;
const CONTINUED = /\\[ \t]*$/;

/** CRLF before `until`: the shell grammar expects bare LF; keep "\" + line break a continuation. */
function withoutCarriageReturns(body: string, until: number): string {
  const chars = body.split('');
  for (let i = 0; i < Math.min(until, chars.length); i++) {
    if (chars[i] !== '\r' || chars[i + 1] !== '\n') continue;
    if (chars[i - 1] === '\\') {
      chars[i - 1] = ' ';
      chars[i] = '\\';
    } else chars[i] = ' ';
  }
  return chars.join('');
}

const POSIX_SHELLS: Record<string, ShellDialect> = {
  sh: 'sh',
  bash: 'bash',
  dash: 'dash',
  ash: 'ash',
  ksh: 'ksh',
  zsh: 'zsh',
  busybox: 'busybox',
};

/** The dialect of a `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` instruction, or undefined if not a POSIX-family shell. */
export function dialectOfShell(argv: readonly string[]): ShellDialect | undefined {
  const exe = argv[0]?.split(/[\\/]/).pop()?.toLowerCase().replace(/\.exe$/, '');
  return exe ? POSIX_SHELLS[exe] : undefined;
}

/** The dialect named by a `#!` line at the start of a heredoc body; `null` when the body is not shell at all. */
export function dialectOfHashbang(body: string): ShellDialect | null | undefined {
  const m = /^#!\s*(\S+)(?:\s+(?:-S\s+)?(\S+))?/.exec(body);
  if (!m) return undefined;
  const path = m[1]!;
  const exe = path.endsWith('/env') ? m[2] : path.split('/').pop();
  return exe ? (POSIX_SHELLS[exe] ?? null) : null;
}
