import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTracked, readGitIndex } from '../../../src/parse/git/index-file.js';

interface Entry {
  path: string;
  mode?: number;
  /** Sets the extended-flags bit (version 3 and later). */
  extended?: boolean;
}

/** Index bytes as git writes them, built by hand from the format's description. */
function indexBytes(version: 2 | 3 | 4, entries: Entry[], options: { hashBytes?: number; checksum?: 'right' | 'zero' | 'wrong'; extensions?: Buffer[] } = {}): Buffer {
  const hashBytes = options.hashBytes ?? 20;
  const header = Buffer.alloc(12);
  header.write('DIRC', 0, 'ascii');
  header.writeUInt32BE(version, 4);
  header.writeUInt32BE(entries.length, 8);
  const parts: Buffer[] = [header];
  let previous = '';
  for (const e of entries) {
    const name = Buffer.from(e.path, 'utf8');
    const fixed = Buffer.alloc(40 + hashBytes + 2 + (e.extended ? 2 : 0));
    fixed.writeUInt32BE(e.mode ?? 0o100644, 24);
    fixed.fill(0xab, 40, 40 + hashBytes);
    fixed.writeUInt16BE(Math.min(name.length, 0xfff) | (e.extended ? 0x4000 : 0), 40 + hashBytes);
    if (version === 4) {
      let common = 0;
      while (common < previous.length && common < e.path.length && previous[common] === e.path[common]) common++;
      const cut = Buffer.byteLength(previous.slice(common));
      parts.push(fixed, varint(cut), Buffer.from(e.path.slice(common), 'utf8'), Buffer.from([0]));
    } else {
      const size = (fixed.length + name.length + 8) & ~7;
      parts.push(fixed, name, Buffer.alloc(size - fixed.length - name.length));
    }
    previous = e.path;
  }
  parts.push(...(options.extensions ?? []));
  const body = Buffer.concat(parts);
  const checksum = options.checksum ?? 'right';
  const digest = checksum === 'zero' ? Buffer.alloc(hashBytes) : createHash(hashBytes === 32 ? 'sha256' : 'sha1').update(body).digest();
  if (checksum === 'wrong') digest[0] ^= 1;
  return Buffer.concat([body, digest]);
}

/** Version 4's offset encoding. */
function varint(n: number): Buffer {
  const out = [n & 0x7f];
  while ((n >>= 7)) out.unshift(0x80 | (--n & 0x7f));
  return Buffer.from(out);
}

function extension(signature: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(signature, 0, 'ascii');
  head.writeUInt32BE(data.length, 4);
  return Buffer.concat([head, data]);
}

const PATHS = ['.env', '.gitignore', 'compose.yaml', 'deploy/.env.production', 'deploy/compose.prod.yaml', 'src/app/main.py'];

describe('readGitIndex', () => {
  it.each([2, 3, 4] as const)('lists the paths of a version %i index', (version) => {
    const index = readGitIndex(indexBytes(version, PATHS.map((p) => ({ path: p }))));
    expect(index?.version).toBe(version);
    expect([...index!.paths]).toEqual(PATHS);
    expect(isTracked(index!, 'deploy/.env.production')).toBe(true);
    expect(isTracked(index!, 'deploy/.env')).toBe(false);
  });

  it('reads version 4 paths cut by more than 127 bytes (a two-byte offset)', () => {
    const long = `${'a'.repeat(200)}/x`;
    const index = readGitIndex(indexBytes(4, [{ path: long }, { path: 'b' }]));
    expect([...index!.paths]).toEqual([long, 'b']);
  });

  it('reads extended flags in version 3 and paths of 0xFFF bytes and more', () => {
    const long = 'd/'.repeat(2100) + 'f';
    const index = readGitIndex(indexBytes(3, [{ path: '.env', extended: true }, { path: long }]));
    expect([...index!.paths]).toEqual(['.env', long]);
  });

  it('accepts a zero checksum (index.skipHash) and a SHA-256 repository', () => {
    expect(readGitIndex(indexBytes(2, [{ path: '.env' }], { checksum: 'zero' }))?.paths.has('.env')).toBe(true);
    expect(readGitIndex(indexBytes(2, [{ path: '.env' }], { hashBytes: 32 }), 32)?.paths.has('.env')).toBe(true);
  });

  it('skips extensions, and leaves paths under submodules and sparse folders unknown', () => {
    const index = readGitIndex(
      indexBytes(2, [{ path: '.env' }, { path: 'vendor/lib', mode: 0o160000 }, { path: 'docs/', mode: 0o040000 }], { extensions: [extension('TREE', Buffer.from('abc'))] }),
    );
    expect(isTracked(index!, '.env')).toBe(true);
    expect(isTracked(index!, 'vendor/lib/.env')).toBeUndefined();
    expect(isTracked(index!, 'docs/.env')).toBeUndefined();
    expect(isTracked(index!, 'other/.env')).toBe(false);
  });

  it('gives unknown for a split index, whose entries live in another file', () => {
    expect(readGitIndex(indexBytes(2, [{ path: '.env' }], { extensions: [extension('link', Buffer.alloc(20))] }))).toBeUndefined();
  });

  describe('gives unknown, never an exception, for bytes that are not a whole index', () => {
    const good = indexBytes(4, PATHS.map((p) => ({ path: p })));
    const cases: [string, Uint8Array][] = [
      ['empty', new Uint8Array(0)],
      ['another file', Buffer.from('gitdir: ../.git/worktrees/x\n'.padEnd(64, ' '))],
      ['version 5', (() => { const b = Buffer.from(good); b.writeUInt32BE(5, 4); return b; })()],
      ['a wrong checksum', indexBytes(2, [{ path: '.env' }], { checksum: 'wrong' })],
      ['extended flags in version 2', indexBytes(2, [{ path: '.env', extended: true }], { checksum: 'zero' })],
      ['a count beyond the bytes', (() => { const b = indexBytes(2, [{ path: '.env' }], { checksum: 'zero' }); b.writeUInt32BE(0xffffffff, 8); return b; })()],
      ['a name length that disagrees', (() => { const b = indexBytes(2, [{ path: '.env' }], { checksum: 'zero' }); b.writeUInt16BE(9, 12 + 60); return b; })()],
      ['a version 4 cut longer than the previous path', (() => { const b = indexBytes(4, [{ path: '.env' }], { checksum: 'zero' }); b[12 + 62] = 9; return b; })()],
      ['an extension longer than the file', indexBytes(2, [{ path: '.env' }], { checksum: 'zero', extensions: [Buffer.from('TREE\x7f\xff\xff\xff', 'latin1')] })],
    ];
    for (let cut = 1; cut < good.length; cut += 7) cases.push([`cut at ${cut} bytes`, good.subarray(0, cut)]);
    it.each(cases)('%s', (_name, bytes) => {
      expect(readGitIndex(bytes)).toBeUndefined();
    });
  });

  it('never throws on random bytes after a valid header', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 8) & 0xff;
    for (let n = 0; n < 300; n++) {
      const b = Buffer.from(indexBytes(n % 2 ? 4 : 2, PATHS.map((p) => ({ path: p })), { checksum: 'zero' }));
      for (let k = 0; k < 8; k++) b[12 + (random() * 7 + k * 31) % (b.length - 32)] = random();
      expect(() => readGitIndex(b)).not.toThrow();
    }
  });
});

/** The index git itself writes (git is run on a repository the test makes, never by stack-lint). */
describe.skipIf(!hasGit())('readGitIndex on indexes written by git', () => {
  it.each([2, 3, 4])('version %i', (version) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stack-lint-index-'));
    try {
      const git = (...args: string[]): string => execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      git('init', '-q');
      mkdirSync(path.join(dir, 'deploy/prod'), { recursive: true });
      for (const f of ['.env', 'compose.yaml', 'deploy/prod/.env.production', 'deploy/prod/compose.prod.yaml', 'deploy/README.md', 'zz']) writeFileSync(path.join(dir, f), 'x\n');
      git('add', '.');
      // Version 3 is written only when an entry needs extended flags: an intent-to-add entry does.
      writeFileSync(path.join(dir, 'deploy/.env'), 'x\n');
      if (version === 3) git('add', '--intent-to-add', 'deploy/.env');
      git('update-index', '--index-version', String(version));
      const index = readGitIndex(readFileSync(path.join(dir, '.git/index')));
      expect(index?.version).toBe(version);
      expect([...index!.paths].sort()).toEqual(git('ls-files').trim().split('\n').sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
