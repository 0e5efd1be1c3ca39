/**
 * `.dockerignore` matching with Docker's documented semantics:
 * - one pattern per line; lines starting with `#` are comments; blank lines
 *   are skipped; surrounding whitespace is trimmed;
 * - patterns are cleaned like Go's `filepath.Clean` (`./a/../b/` → `b`) and a
 *   leading `/` is dropped: the context root is both `/` and the working dir;
 * - `*`, `?` and `[…]` never match `/`; `**` matches any number of directories,
 *   zero included; `\` escapes the next character;
 * - a pattern that matches a directory excludes everything below it;
 * - `!pattern` re-includes what earlier lines excluded; the last line that
 *   matches a path decides.
 * Glob-to-regex translation is picomatch's; the Docker-specific parts
 * (cleaning, parent directories, exceptions) are here.
 */
import path from 'node:path';
import picomatch from 'picomatch';

export interface IgnorePattern {
  /** The pattern after cleaning, without `!`. */
  readonly pattern: string;
  readonly exception: boolean;
  /** 1-based line in the `.dockerignore`. */
  readonly line: number;
  readonly match: (p: string) => boolean;
  /** Number of path components: parent directories are tried up to this depth. */
  readonly depth: number;
}

export interface DockerIgnore {
  readonly patterns: readonly IgnorePattern[];
  /** Whether the path (relative to the context, `/`-separated) is left out of the context. */
  ignores(file: string): boolean;
  /** The pattern that decides a path's fate, if any matches. */
  decidingPattern(file: string): IgnorePattern | undefined;
  /** An exception (`!…`) could re-include something at or below this directory. */
  mayReinclude(dir: string): boolean;
}

export function parseDockerIgnore(text: string): DockerIgnore {
  const patterns: IgnorePattern[] = [];
  text.split(/\r?\n/).forEach((rawLine, i) => {
    if (rawLine.startsWith('#')) return;
    let line = rawLine.trim();
    if (!line) return;
    const exception = line.startsWith('!');
    if (exception) line = line.slice(1).trim();
    if (!line) return;
    let pattern = path.posix.normalize(line);
    pattern = pattern.replace(/\/+$/, '');
    if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.replace(/^\/+/, '');
    if (pattern === '.' || pattern === '') pattern = '.';
    const re = picomatch.makeRe(pattern, { dot: true, nobrace: true, noextglob: true, nonegate: true, strictSlashes: true });
    const match = (p: string): boolean => re.test(p);
    patterns.push({ pattern, exception, line: i + 1, match, depth: pattern.split('/').length });
  });

  const decidingPattern = (file: string): IgnorePattern | undefined => {
    const clean = cleanPath(file);
    const parents = clean.split('/').slice(0, -1);
    let decided: IgnorePattern | undefined;
    let matched = false;
    for (const p of patterns) {
      // an inclusion cannot change an excluded path, nor an exception a kept one
      if (p.exception !== matched) continue;
      let hit = p.match(clean);
      for (let i = 1; !hit && i <= parents.length; i++) hit = p.match(parents.slice(0, i).join('/'));
      if (hit) {
        matched = !p.exception;
        decided = p;
      }
    }
    return decided;
  };

  return {
    patterns,
    decidingPattern,
    ignores: (file) => decidingPattern(file)?.exception === false,
    mayReinclude: (dir) => {
      const d = cleanPath(dir);
      return patterns.some((p) => p.exception && (d === '.' || p.pattern === d || p.pattern.startsWith(`${d}/`) || /^[*?[]/.test(p.pattern) || p.pattern.startsWith('**')));
    },
  };
}

/** A path as the context sees it: relative, `/`-separated, cleaned. */
export function cleanPath(p: string): string {
  const n = path.posix.normalize(p.replace(/\\/g, '/')).replace(/^(\.\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  return n === '' ? '.' : n;
}
