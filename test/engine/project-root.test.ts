import fs, { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findProjectRoot, ProjectRoot } from '../../src/core/project-root.js';
import { cli } from '../helpers/cli.js';

const RULE = 'compose/reference-outside-project';

/** A folder holding `repo/` (a repository) and `outside/` (files beside it that it must never read). */
function workspace(repo: Record<string, string>, outside: Record<string, string> = {}): { top: string; repo: string; outside: string } {
  const top = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stack-lint-root-')));
  const write = (base: string, files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(base, name)), { recursive: true });
      writeFileSync(path.join(base, name), text);
    }
  };
  mkdirSync(path.join(top, 'repo/.git'), { recursive: true });
  mkdirSync(path.join(top, 'outside'));
  write(path.join(top, 'repo'), repo);
  write(path.join(top, 'outside'), outside);
  return { top, repo: path.join(top, 'repo'), outside: path.join(top, 'outside') };
}

interface Finding {
  ruleId: string;
  line: number;
  column: number;
  message: string;
}

async function lint(cwd: string, args: string[] = ['.']): Promise<{ code: number; stderr: string; byFile: Record<string, Finding[]> }> {
  const run = await cli(['-f', 'json', ...args], cwd);
  const report = JSON.parse(run.stdout || '{"files":[]}') as { files: { path: string; diagnostics: Finding[] }[] };
  return { code: run.code, stderr: run.stderr, byFile: Object.fromEntries(report.files.map((f) => [f.path, f.diagnostics])) };
}

const only = (findings: Finding[] | undefined, ruleId: string) => (findings ?? []).filter((d) => d.ruleId === ruleId).map(({ line, column, message }) => ({ line, column, message }));

/** Every path the run opens, reads, stats or lists (the engine's `import … from 'node:fs'` sees the spies). */
function recordFileAccess(): string[] {
  const seen: string[] = [];
  for (const name of ['openSync', 'readFileSync', 'statSync', 'lstatSync', 'readdirSync', 'existsSync'] as const) {
    const real = fs[name] as (...a: unknown[]) => unknown;
    vi.spyOn(fs, name).mockImplementation(((p: unknown, ...rest: unknown[]) => {
      if (typeof p === 'string') seen.push(p);
      return real(p, ...rest);
    }) as never);
  }
  for (const name of ['readFile', 'stat', 'readdir', 'open'] as const) {
    const real = fs.promises[name] as (...a: unknown[]) => unknown;
    vi.spyOn(fs.promises, name).mockImplementation(((p: unknown, ...rest: unknown[]) => {
      if (typeof p === 'string') seen.push(p);
      return real(p, ...rest);
    }) as never);
  }
  syncBuiltinESMExports();
  return seen;
}

afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
});

const REFERENCES = [
  'include:',
  '  - ../outside/base.yaml',
  'services:',
  '  api:',
  '    image: nginx:1.27',
  '    extends:',
  '      file: ../outside/common.yaml',
  '      service: base',
  '    env_file: ../../../../../../../etc/passwd',
  '  worker:',
  '    build:',
  '      context: ../outside',
  '  web:',
  '    build:',
  '      context: .',
  '      dockerfile: ../outside/Dockerfile',
  'secrets:',
  '  token:',
  '    file: ../outside/token.txt',
  '',
].join('\n');

const OUTSIDE_FILES = {
  'base.yaml': 'services:\n  db:\n    image: postgres\n',
  'common.yaml': 'services:\n  base:\n    environment:\n      PASSWORD: hunter2\n',
  'Dockerfile': 'FROM nginx\n',
  'token.txt': 'secret\n',
};

describe('references that leave the project', () => {
  it('are reported once each, where they are written, and nothing outside is opened, listed or looked at', async () => {
    const { repo, outside, top } = workspace({ 'compose.yaml': REFERENCES }, OUTSIDE_FILES);
    const seen = recordFileAccess();
    const run = await lint(repo);
    expect(only(run.byFile['compose.yaml'], RULE)).toEqual([
      { line: 2, column: 5, message: 'include "../outside/base.yaml" leads outside the project, so stack-lint does not read it (lint from the folder that holds it, or pass --project-root)' },
      { line: 7, column: 13, message: 'extends file "../outside/common.yaml" leads outside the project, so stack-lint does not read it (lint from the folder that holds it, or pass --project-root)' },
      { line: 9, column: 15, message: 'env_file "../../../../../../../etc/passwd" leads outside the project, so stack-lint does not read it (lint from the folder that holds it, or pass --project-root)' },
      { line: 12, column: 16, message: 'build context "../outside" leads outside the project, so stack-lint does not read it (lint from the folder that holds it, or pass --project-root)' },
      { line: 16, column: 19, message: 'build dockerfile "../outside/Dockerfile" leads outside the project, so stack-lint does not read it (lint from the folder that holds it, or pass --project-root)' },
      { line: 19, column: 11, message: 'secret file "../outside/token.txt" leads outside the project, so stack-lint does not read it (lint from the folder that holds it, or pass --project-root)' },
    ]);
    const ids = (run.byFile['compose.yaml'] ?? []).map((d) => d.ruleId);
    for (const quiet of ['compose/env-file-exists', 'compose/include', 'compose/references', 'compose/secret-source', 'stack/build-refs']) expect(ids).not.toContain(quiet);
    expect(seen.filter((p) => p.startsWith(outside) || p.startsWith('/etc'))).toEqual([]);
    expect(seen.filter((p) => path.resolve(p) === top)).toEqual([]);
  });

  it('are not looked at by --cache either, to key or to check a cached result', async () => {
    const { repo, outside } = workspace({ 'compose.yaml': REFERENCES }, OUTSIDE_FILES);
    const seen = recordFileAccess();
    const first = await lint(repo, ['--cache', '.']);
    const second = await lint(repo, ['--cache', '.']);
    expect(second.byFile).toEqual(first.byFile);
    expect(seen.filter((p) => p.startsWith(outside) || p.startsWith('/etc'))).toEqual([]);
  });

  it('in a script\'s docker compose call are reported, and not read', async () => {
    const { repo, outside } = workspace(
      { 'deploy.sh': '#!/bin/sh\nset -eu\ndocker compose -f ../outside/compose.yaml --env-file ../outside/prod.env up -d\n' },
      { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n', 'prod.env': 'X=1\n' },
    );
    const seen = recordFileAccess();
    const run = await lint(repo);
    expect(only(run.byFile['deploy.sh'], 'stack/script-compose-refs')).toEqual([
      { line: 3, column: 19, message: 'docker compose -f names "../outside/compose.yaml", which leads outside the project, so stack-lint does not read it' },
      { line: 3, column: 54, message: 'docker compose --env-file names "../outside/prod.env", which leads outside the project, so stack-lint does not read it' },
    ]);
    expect(seen.filter((p) => p.startsWith(outside))).toEqual([]);
  });

  it('read the same whether or not the outside files exist', async () => {
    const there = workspace({ 'compose.yaml': REFERENCES }, OUTSIDE_FILES);
    const absent = workspace({ 'compose.yaml': REFERENCES });
    const a = await cli(['-f', 'json', '.'], there.repo);
    const b = await cli(['-f', 'json', '.'], absent.repo);
    expect(JSON.parse(a.stdout).files).toEqual(JSON.parse(b.stdout).files);
    expect(a.code).toBe(b.code);
  });

  it('through a symlink inside the project that points out of it are reported too, and not followed', async () => {
    const { repo, outside } = workspace({ 'compose.yaml': 'services:\n  api:\n    image: nginx:1.27\n    env_file: shared/app.env\n' }, { 'app.env': 'PASSWORD=hunter2\n' });
    symlinkSync(outside, path.join(repo, 'shared'));
    const seen = recordFileAccess();
    const run = await lint(repo);
    expect(only(run.byFile['compose.yaml'], RULE)).toEqual([
      { line: 4, column: 15, message: 'env_file "shared/app.env" leads outside the project, so stack-lint does not read it (lint from the folder that holds it, or pass --project-root)' },
    ]);
    expect(seen.filter((p) => p.startsWith(outside) || p.startsWith(path.join(repo, 'shared/')))).toEqual([]);
  });

  it('keeps `../` references that stay inside the repository, and leaves paths with an unset variable alone', async () => {
    const { repo } = workspace({
      'app/compose.yaml': [
        'services:',
        '  api:',
        '    image: nginx:1.27',
        '    env_file: ../config/prod.env',
        '    extends:',
        '      file: ../common/base.yaml',
        '      service: base',
        '  web:',
        '    build:',
        '      context: ..',
        '  code:',
        '    build:',
        '      context: ${CODEPATH}',
        '',
      ].join('\n'),
      'config/prod.env': 'PASSWORD=hunter2\n',
      'common/base.yaml': 'services:\n  base:\n    restart: always\n',
      'Dockerfile': 'FROM alpine:3.20\n',
    });
    const run = await lint(repo, ['app']);
    expect(only(run.byFile['app/compose.yaml'], RULE)).toEqual([]);
    // The env file in the repository is read: its secret is found.
    expect((run.byFile['config/prod.env'] ?? []).map((d) => d.ruleId)).toContain('compose/no-plaintext-secrets');
    expect((run.byFile['app/compose.yaml'] ?? []).map((d) => d.ruleId)).not.toContain('compose/env-file-exists');
  });

  it('--project-root narrows the project: a `../` out of it is then outside', async () => {
    const { repo } = workspace({
      'app/compose.yaml': 'services:\n  api:\n    image: nginx:1.27\n    env_file: ../config/prod.env\n',
      'config/prod.env': 'PASSWORD=hunter2\n',
    });
    const run = await lint(repo, ['--project-root', 'app', 'app']);
    expect(only(run.byFile['app/compose.yaml'], RULE)).toEqual([
      { line: 4, column: 15, message: 'env_file "../config/prod.env" leads outside the project, so stack-lint does not read it (lint from the folder that holds it, or pass --project-root)' },
    ]);
    expect(run.byFile['config/prod.env']).toBeUndefined();
    const bad = await cli(['--project-root', 'nope', '.'], repo);
    expect(bad.stderr).toBe('stack-lint: --project-root: no such folder: nope\n');
    expect(bad.code).toBe(2);
  });
});

describe('findProjectRoot', () => {
  it('is the nearest folder above the linted files that holds .git', () => {
    const { repo } = workspace({ 'a/b/compose.yaml': '', 'a/c/Dockerfile': '' });
    expect(findProjectRoot(path.join(repo, 'a'), [path.join(repo, 'a/b/compose.yaml'), path.join(repo, 'a/c/Dockerfile')])).toBe(repo);
  });

  it('without a repository: the current folder, or the files\' common folder when they lie outside it', () => {
    const { outside } = workspace({}, { 'x/compose.yaml': '', 'y/Dockerfile': '' });
    const files = [path.join(outside, 'x/compose.yaml'), path.join(outside, 'y/Dockerfile')];
    expect(findProjectRoot(outside, files)).toBe(outside);
    expect(findProjectRoot(path.join(outside, 'x'), files)).toBe(outside);
    expect(findProjectRoot(path.join(outside, 'x'), [files[0]!])).toBe(path.join(outside, 'x'));
  });

  it('ProjectRoot.contains: by the written path, then by where symlinks lead', () => {
    const { repo, outside } = workspace({ 'in.env': '' }, { 'out.env': '' });
    symlinkSync(outside, path.join(repo, 'link'));
    const root = new ProjectRoot(repo);
    expect(root.contains(path.join(repo, 'in.env'))).toBe(true);
    expect(root.contains(path.join(repo, 'not/there/yet.env'))).toBe(true);
    expect(root.contains(path.join(repo, '../outside/out.env'))).toBe(false);
    expect(root.contains('/etc/passwd')).toBe(false);
    expect(root.contains(path.join(repo, 'link/out.env'))).toBe(false);
    expect(root.contains(path.join(repo, 'link/missing.env'))).toBe(false);
  });
});
