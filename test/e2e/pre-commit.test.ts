import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FIXTURES, ROOT } from '../helpers/lint.js';

describe('the pre-commit hook', () => {
  const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; types_or: string[]; require_serial: boolean }[];

  it('declares a check and a fix hook for node', () => {
    expect(hooks.map((h) => [h.id, h.entry, h.language, h.require_serial])).toEqual([
      ['stack-lint', 'stack-lint', 'node', true],
      ['stack-lint-fix', 'stack-lint --fix', 'node', true],
    ]);
    expect(hooks[0]!.types_or).toEqual(['dockerfile', 'shell', 'yaml']);
  });

  it('lints only the files it is given, skips YAML that is not compose, and exits by their findings', async () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-precommit-'));
    cpSync(path.join(FIXTURES, 'stacks/deadtrees'), repo, { recursive: true });
    writeFileSync(path.join(repo, '.gitlab-ci.yml'), 'stages: [test]\n');
    // As the framework calls it: the entry, then the staged files that match types_or.
    const staged = ['.gitlab-ci.yml', 'api/Dockerfile', 'docker-compose.api.yaml'];
    const run = await cli(['-f', 'json', ...staged], repo);
    const report = JSON.parse(run.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['api/Dockerfile', 'docker-compose.api.yaml']);
    expect(run.code).toBe(1);
    const clean = await cli(['-f', 'json', '.gitlab-ci.yml', 'api/Dockerfile'], repo);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout).summary.files).toBe(1);
  });

  it('works with absolute paths, as lint-staged passes them', async () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-staged-'));
    cpSync(path.join(FIXTURES, 'stacks/deadtrees'), repo, { recursive: true });
    const run = await cli(['-f', 'json', path.join(repo, 'scripts/dev.sh')], repo);
    expect(JSON.parse(run.stdout).files.map((f: { path: string }) => f.path)).toEqual(['scripts/dev.sh']);
  });
});

describe('partial input', () => {
  it('reads the stack around a named file for context and reports only on the named file', async () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-partial-'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(repo, '.git'));
    mkdirSync(path.join(repo, 'api'));
    writeFileSync(
      path.join(repo, 'compose.yaml'),
      'services:\n  api:\n    build: ./api\n    image: nginx\n    healthcheck:\n      test: ["CMD", "true"]\n',
    );
    writeFileSync(path.join(repo, 'api/Dockerfile'), 'FROM python:3.12-slim\nCMD ["python", "-m", "http.server"]\n');
    const alone = await cli(['-f', 'json', '--rule', 'dockerfile/healthcheck: warning', 'api/Dockerfile'], repo);
    const report = JSON.parse(alone.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['api/Dockerfile']);
    // The compose service that builds it has a healthcheck: known only from the compose file.
    expect(report.files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).not.toContain('dockerfile/healthcheck');
  });
});
