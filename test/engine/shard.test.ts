import { describe, expect, it } from 'vitest';
import { groupByStack, shardFiles } from '../../src/stack/groups.js';

const f = (p: string, kind: 'compose' | 'dockerfile' | 'shell') => ({ path: p, kind });

const files = [
  f('/r/a/compose.yaml', 'compose'),
  f('/r/a/api/Dockerfile', 'dockerfile'),
  f('/r/a/scripts/up.sh', 'shell'),
  f('/r/b/compose.yaml', 'compose'),
  f('/r/b/Dockerfile', 'dockerfile'),
  f('/r/tools/lint.sh', 'shell'),
  f('/r/tools/x/Dockerfile', 'dockerfile'),
];

describe('stacks and shards', () => {
  it('groups a compose file with everything below it, other files by folder', () => {
    expect([...groupByStack(files)].map(([root, list]) => [root, list.length])).toEqual([
      ['/r/a', 3],
      ['/r/b', 2],
      ['/r/tools', 1],
      ['/r/tools/x', 1],
    ]);
  });

  it('splits whole stacks across shards, deterministically and balanced, covering every file once', () => {
    const one = shardFiles(files, 1, 2);
    const two = shardFiles(files, 2, 2);
    // Largest first to the least loaded: a(3) → 1, b(2) → 2, tools(1) → 2, tools/x(1) → 1 (a tie goes to the lower shard).
    expect(one.map((x) => x.path)).toEqual(['/r/a/api/Dockerfile', '/r/a/compose.yaml', '/r/a/scripts/up.sh', '/r/tools/x/Dockerfile']);
    expect(two.map((x) => x.path)).toEqual(['/r/b/Dockerfile', '/r/b/compose.yaml', '/r/tools/lint.sh']);
    expect(shardFiles([...files].reverse(), 1, 2)).toEqual(one);
    expect(shardFiles(files, 1, 1)).toHaveLength(files.length);
  });
});
