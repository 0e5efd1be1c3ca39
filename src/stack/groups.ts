import path from 'node:path';
import type { FileKind } from '../core/source.js';

export interface KindedFile {
  path: string;
  kind: FileKind;
}

/**
 * Splits files into stacks: a compose file's folder and everything below it
 * belong together (the Dockerfiles it builds, the scripts that drive it);
 * a file with no compose file above it stands in its own folder's group.
 * Used wherever work is split without breaking cross-file rules: the cache
 * and `--shard`.
 */
export function groupByStack<F extends KindedFile>(files: readonly F[]): Map<string, F[]> {
  const composeDirs = new Set(files.filter((f) => f.kind === 'compose').map((f) => path.dirname(f.path)));
  const rootOf = (file: string): string => {
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      if (composeDirs.has(dir)) return dir;
      if (path.dirname(dir) === dir) return path.dirname(file);
    }
  };
  const groups = new Map<string, F[]>();
  for (const f of files) {
    const root = rootOf(f.path);
    const list = groups.get(root);
    if (list) list.push(f);
    else groups.set(root, [f]);
  }
  return groups;
}

/**
 * `--shard i/n`: the files of shard `index` (1-based) of `count`. Whole stacks
 * go to one shard; stacks are dealt largest first to the least loaded shard
 * (ties by shard number), so the split is deterministic and balanced.
 */
export function shardFiles<F extends KindedFile>(files: readonly F[], index: number, count: number): F[] {
  const groups = [...groupByStack(files)].sort(([a, fa], [b, fb]) => fb.length - fa.length || (a < b ? -1 : a > b ? 1 : 0));
  const load = new Array<number>(count).fill(0);
  const mine: F[] = [];
  for (const [, group] of groups) {
    let target = 0;
    for (let s = 1; s < count; s++) if (load[s]! < load[target]!) target = s;
    load[target]! += group.length;
    if (target === index - 1) mine.push(...group);
  }
  return mine.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
