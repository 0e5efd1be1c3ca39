import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitReader, type GitFiles } from '../../src/stack/git.js';
import { gitIndex } from '../../src/testing.js';

const TOP = path.resolve('/checkout');

/** A checkout in memory: files by path relative to TOP (folders are implied). */
function checkout(files: Record<string, string>, top = TOP): GitFiles & { read: string[] } {
  const abs = new Map(Object.entries(files).map(([rel, text]) => [path.join(TOP, rel), text]));
  const read: string[] = [];
  return {
    top,
    read,
    kind: async (p) => (abs.has(p) ? 'file' : [...abs.keys()].some((k) => k.startsWith(p + path.sep)) ? 'dir' : 'missing'),
    text: async (p) => (read.push(p), abs.get(p)),
    bytes: async (p, max) => {
      read.push(p);
      const t = abs.get(p);
      return t === undefined || t.length > max ? undefined : Buffer.from(t, 'latin1');
    },
  };
}

const at = (rel: string): string => path.join(TOP, rel);

describe('GitReader', () => {
  it('tells a tracked file from an untracked one, and reads the ignore files', async () => {
    const git = new GitReader(checkout({ '.git/index': gitIndex(['.env', 'compose.yaml']), '.gitignore': 'prod.env\n', '.env': 'A=1\n', 'prod.env': 'A=1\n', 'dev.env': 'A=1\n' }));
    expect(await git.stateOf(at('.env'))).toEqual({ repository: true, tracked: true, ignored: false });
    expect(await git.stateOf(at('prod.env'))).toEqual({ repository: true, tracked: false, ignored: true });
    expect(await git.stateOf(at('dev.env'))).toEqual({ repository: true, tracked: false, ignored: false });
  });

  it('applies nested .gitignores and info/exclude', async () => {
    const git = new GitReader(
      checkout({ '.git/index': gitIndex([]), '.git/info/exclude': 'local.env\n', '.gitignore': '*.env\n', 'deploy/.gitignore': '!shared.env\n' }),
    );
    expect((await git.stateOf(at('deploy/shared.env')))?.ignored).toBe(false);
    expect((await git.stateOf(at('deploy/other.env')))?.ignored).toBe(true);
    expect((await git.stateOf(at('local.env')))?.ignored).toBe(true);
  });

  it('takes a repository without an index for one that tracks nothing', async () => {
    const git = new GitReader(checkout({ '.git/HEAD': 'ref: refs/heads/main\n' }));
    expect(await git.stateOf(at('.env'))).toEqual({ repository: true, tracked: false, ignored: false });
  });

  it('passes over a `.git` folder that is no repository (neither HEAD nor index)', async () => {
    expect(await new GitReader(checkout({ '.git/config': '', '.env': 'A=1\n' })).stateOf(at('.env'))).toEqual({ repository: false });
    const outer = new GitReader(checkout({ '.git/index': gitIndex(['app/.env']), 'app/.git/description': 'x\n' }));
    expect(await outer.stateOf(at('app/.env'))).toEqual({ repository: true, tracked: true, ignored: false });
  });

  it('leaves tracking unknown when the index cannot be read, and still reads .gitignore', async () => {
    const git = new GitReader(checkout({ '.git/index': 'DIRC\u0000\u0000\u0000\u0002garbage', '.gitignore': '.env\n' }));
    expect(await git.stateOf(at('.env'))).toEqual({ repository: true, ignored: true });
  });

  it('outside a repository, answers from the .gitignores alone, and nothing without one', async () => {
    expect(await new GitReader(checkout({ '.gitignore': '.env\n' })).stateOf(at('.env'))).toEqual({ repository: false, ignored: true });
    expect(await new GitReader(checkout({ 'app/.gitignore': 'x\n' })).stateOf(at('app/.env'))).toEqual({ repository: false, ignored: false });
    expect(await new GitReader(checkout({})).stateOf(at('.env'))).toEqual({ repository: false });
  });

  it('takes the nearest repository: a nested one has its own index and ignore files', async () => {
    const git = new GitReader(
      checkout({ '.git/index': gitIndex(['sub/.env']), '.gitignore': '', 'sub/.git/index': gitIndex([]), 'sub/.gitignore': '.env\n' }),
    );
    expect(await git.stateOf(at('sub/.env'))).toEqual({ repository: true, tracked: false, ignored: true });
  });

  it('follows a worktree\'s `.git` file to its index, and its commondir to info/exclude', async () => {
    const git = new GitReader(
      checkout({
        'wt/.git': 'gitdir: ../main/.git/worktrees/wt\n',
        'main/.git/worktrees/wt/index': gitIndex(['.env']),
        'main/.git/worktrees/wt/commondir': '../..\n',
        'main/.git/info/exclude': 'local.env\n',
      }),
    );
    expect(await git.stateOf(at('wt/.env'))).toEqual({ repository: true, tracked: true, ignored: false });
    expect(await git.stateOf(at('wt/local.env'))).toEqual({ repository: true, tracked: false, ignored: true });
  });

  it('never reads outside the top folder: a `.git` file pointing out of it leaves tracking unknown', async () => {
    const files = checkout({ 'app/.git': 'gitdir: ../../elsewhere/.git\n', 'app/.gitignore': 'other\n' }, at('app'));
    const git = new GitReader(files);
    expect(await git.stateOf(at('app/.env'))).toEqual({ repository: true, ignored: false });
    expect(files.read.every((p) => p.startsWith(at('app') + path.sep))).toBe(true);
    expect(await git.stateOf(at('.env'))).toBeUndefined();
  });
});
