import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindFromName, kindFromShebang } from '../../src/discover/classify.js';
import { UsageError } from '../../src/core/errors.js';
import { discover } from '../../src/discover/discover.js';

describe('classify', () => {
  it.each([
    ['compose.yaml', 'compose'],
    ['compose.override.yaml', 'compose'],
    ['docker-compose.yml', 'compose'],
    ['docker-compose.prod.yml', 'compose'],
    ['docker-compose-dev.yaml', 'compose'],
    ['Dockerfile', 'dockerfile'],
    ['Dockerfile.prod', 'dockerfile'],
    ['api.Dockerfile', 'dockerfile'],
    ['api.dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['Dockerfile-dev', 'dockerfile'],
    ['Dockerfile_worker', 'dockerfile'],
    ['compose.override.yaml.example', 'compose'],
    ['docker-compose.override.yml.dist', 'compose'],
    ['dockerfile.yaml', undefined],
    ['Dockerfile.yml', undefined],
    ['deploy.sh', 'shell'],
    ['lib.bash', 'shell'],
    ['Dockerfile.dockerignore', undefined],
    // A CI workflow that builds the image, a document about it: named after the Dockerfile, not one.
    ['dockerfile.yaml', undefined],
    ['Dockerfile.yml', undefined],
    ['Dockerfile.json', undefined],
    ['Dockerfile.md', undefined],
    ['values.yaml', undefined],
    ['composer.json', undefined],
    ['README.md', undefined],
    ['dockerfile.yaml', undefined],
    ['Dockerfile.yml', undefined],
    ['dockerfile.json', undefined],
    ['Dockerfile.md', undefined],
    ['Dockerfile.txt', undefined],
    ['build.Dockerfile.yaml', undefined],
    ['Dockerfile.j2', 'dockerfile'],
    ['Dockerfile.dev', 'dockerfile'],
  ])('%s → %s', (name, kind) => {
    expect(kindFromName(name)).toBe(kind);
  });

  it.each([
    ['#!/bin/sh', 'shell'],
    ['#!/bin/bash -e', 'shell'],
    ['#!/usr/bin/env bash', 'shell'],
    ['#!/usr/bin/env -S bash -eu', 'shell'],
    ['#!/bin/dash', 'shell'],
    ['#!/sbin/ash', 'shell'],
    ['#!/usr/bin/env python3', undefined],
    ['#!/bin/shellcheck', undefined],
    ['echo hi', undefined],
  ])('shebang %s → %s', (line, kind) => {
    expect(kindFromShebang(line)).toBe(kind);
  });
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-discover-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const rel = (dir: string, files: { path: string }[]) => files.map((f) => path.relative(dir, f.path));

describe('discover', () => {
  it('walks folders, classifies by name and shebang, and skips node_modules, .git and files of no kind', async () => {
    const dir = tree({
      'compose.yaml': '',
      'api/Dockerfile': '',
      'bin/deploy': '#!/usr/bin/env bash\n',
      'bin/tool': '#!/usr/bin/env python3\n',
      '.github/scripts/ci.sh': '',
      'node_modules/x/run.sh': '',
      '.git/hooks/pre-commit.sh': '',
      'notes.txt': '',
    });
    const files = await discover({ cwd: dir, patterns: ['.'], ignore: [] });
    expect(rel(dir, files)).toEqual(['.github/scripts/ci.sh', 'api/Dockerfile', 'bin/deploy', 'compose.yaml']);
    expect(files.map((f) => f.kind)).toEqual(['shell', 'dockerfile', 'shell', 'compose']);
  });

  it('applies --ignore-pattern to walked files, and to named files only with forceExclude', async () => {
    const dir = tree({ 'vendor/a.sh': '', 'b.sh': '' });
    expect(rel(dir, await discover({ cwd: dir, patterns: ['.'], ignore: ['vendor/**'] }))).toEqual(['b.sh']);
    expect(rel(dir, await discover({ cwd: dir, patterns: ['vendor/a.sh'], ignore: ['vendor/**'] }))).toEqual(['vendor/a.sh']);
    expect(rel(dir, await discover({ cwd: dir, patterns: ['vendor/a.sh'], ignore: ['vendor/**'], forceExclude: true }))).toEqual([]);
  });

  it('expands globs, and treats a path or glob that matches nothing as a usage error unless told not to', async () => {
    const dir = tree({ 'a/compose.yaml': '', 'b/compose.yml': '' });
    expect(rel(dir, await discover({ cwd: dir, patterns: ['*/compose.y*ml'], ignore: [] }))).toEqual(['a/compose.yaml', 'b/compose.yml']);
    await expect(discover({ cwd: dir, patterns: ['missing'], ignore: [] })).rejects.toThrow(UsageError);
    await expect(discover({ cwd: dir, patterns: ['*.nothing'], ignore: [] })).rejects.toThrow('no files match the pattern "*.nothing"');
    expect(await discover({ cwd: dir, patterns: ['missing'], ignore: [], errorOnUnmatched: false })).toEqual([]);
  });

  it('never follows a symlink while walking (targets inside are linted as themselves)', async () => {
    const outside = tree({ 'secret.sh': '#!/bin/sh\n' });
    const dir = tree({ 'inside.sh': '' });
    symlinkSync(path.join(outside, 'secret.sh'), path.join(dir, 'link.sh'));
    symlinkSync(outside, path.join(dir, 'linked-dir'));
    symlinkSync(path.join(dir, 'inside.sh'), path.join(dir, 'alias.sh'));
    expect(rel(dir, await discover({ cwd: dir, patterns: ['.'], ignore: [] }))).toEqual(['inside.sh']);
  });

  it('maps more names to kinds through config', async () => {
    const dir = tree({ 'deploy/stack.compose.yml': '', 'bin/run-all': 'echo\n' });
    const files = await discover({
      cwd: dir,
      patterns: ['.'],
      ignore: [],
      kindOf: (abs) => (abs.endsWith('.compose.yml') ? 'compose' : abs.includes('run-') ? 'shell' : undefined),
    });
    expect(files.map((f) => [path.relative(dir, f.path), f.kind])).toEqual([
      ['bin/run-all', 'shell'],
      ['deploy/stack.compose.yml', 'compose'],
    ]);
  });
});
