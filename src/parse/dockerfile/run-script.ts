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
  const chars = body.split('');
  // CRLF: the shell grammar expects bare LF; keep "\" + line break a continuation.
  for (let i = 0; i < Math.min(until, chars.length); i++) {
    if (chars[i] !== '\r' || chars[i + 1] !== '\n') continue;
    if (chars[i - 1] === '\\') {
      chars[i - 1] = ' ';
      chars[i] = '\\';
    } else chars[i] = ' ';
  }
  let lineStart = 0;
  /** Index of the `\` that continues the previous line, or -1 when it does not continue. */
  let continuation = -1;
  while (lineStart < chars.length && lineStart < until) {
    let lineEnd = chars.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = chars.length;
    const line = chars.slice(lineStart, lineEnd).join('');
    if (continuation >= 0 && lineEnd < chars.length && (line.trim() === '' || /^\s*#/.test(line))) {
      if (line.length > 0) {
        for (let i = lineStart; i < lineEnd; i++) chars[i] = ' ';
        chars[lineEnd - 1] = '\\';
        continuation = lineEnd - 1;
      } else {
        // Nothing to overwrite on an empty line: move the previous continuation onto its line break.
        chars[continuation] = ' ';
        chars[lineStart - 1] = '\\';
        continuation = lineStart - 1;
      }
    } else {
      const m = /\\[ \t]*$/.exec(line);
      continuation = m ? lineStart + m.index : -1;
    }
    lineStart = lineEnd + 1;
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
