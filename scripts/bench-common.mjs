// What the benchmark scripts (bench.mjs, bench-cache.mjs) share.
import { execFileSync } from 'node:child_process';

/** The checkout's short commit, for the report's heading. */
export function commitOf(root) {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'an unknown commit';
  }
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
