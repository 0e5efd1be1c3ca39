import type { ShellDialect } from '../shell/types.js';

/**
 * Prepares a shell-form `RUN` body for the shell parser without moving any
 * character: comment lines inside line continuations (which the Dockerfile
 * removes before the shell sees them) are blanked with spaces, so offsets in
 * the parsed text map straight back into the Dockerfile.
 */
export function blankContinuationComments(body: string, until = body.length): string {
  let out = '';
  let lineStart = 0;
  let first = true;
  while (lineStart < body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = body.length;
    const line = body.slice(lineStart, lineEnd);
    if (!first && lineStart < until && /^\s*#/.test(line)) out += line.replace(/[^\r]/g, ' ');
    else out += line;
    if (lineEnd < body.length) out += '\n';
    lineStart = lineEnd + 1;
    first = false;
  }
  return out;
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
