/**
 * fixtures/adoption/peer-configs: a repository with a `.hadolint.yaml`
 * (ignored, override, failure-threshold) and a `.shellcheckrc` (disable,
 * source-path), linted through the CLI. Its README says what each setting does.
 * `build/app.docker` is a Dockerfile only the Makefile's `docker build -f` names:
 * the `.hadolint.yaml` applies to it as to `Dockerfile`.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const FIXTURE = path.join(import.meta.dirname, '../../fixtures/adoption/peer-configs');

/** A copy of the fixture as a repository of its own (the peer configs are looked up to its root). */
function repository(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-peers-'));
  cpSync(FIXTURE, dir, { recursive: true });
  mkdirSync(path.join(dir, '.git'));
  return dir;
}

async function lint(dir: string, ...flags: string[]): Promise<{ code: number; findings: string[] }> {
  const run = await cli(['--format', 'json', ...flags, '.'], dir);
  const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { line: number; column: number; severity: string; ruleId: string; compat?: string }[] }[] };
  const findings = report.files.flatMap((f) => f.diagnostics.map((d) => `${f.path}:${d.line}:${d.column} ${d.severity} ${d.ruleId}${d.compat ? ` ${d.compat}` : ''}`));
  return { code: run.code, findings };
}

describe('a repository with a .hadolint.yaml and a .shellcheckrc', () => {
  it('keeps exactly the findings hadolint and ShellCheck would, and fails at hadolint’s failure-threshold', async () => {
    expect(await lint(repository())).toEqual({
      code: 1, // the Dockerfile warning, at failure-threshold: warning
      findings: [
        'Dockerfile:2:31 info dockerfile/apt-hygiene DL3015',
        'Dockerfile:4:1 warning dockerfile/consecutive-run',
        'bin/deploy.sh:3:1 warning shell/shebang SC3046',
        'build/app.docker:3:1 warning dockerfile/consecutive-run',
        'tools/common.sh:1:1 warning shell/shebang SC2148',
      ],
    });
  });

  it('without them (--no-config-lookup), stack-lint’s own defaults apply', async () => {
    expect(await lint(repository(), '--no-config-lookup')).toEqual({
      code: 1, // the latest tag is an error
      findings: [
        'Dockerfile:1:6 error dockerfile/pinned-base-image DL3007',
        'bin/deploy.sh:3:1 warning shell/shebang SC3046',
        'bin/deploy.sh:4:4 warning shell/shebang SC3010',
        'build/app.docker:1:6 error dockerfile/pinned-base-image DL3007',
      ],
    });
  });

  it('the exit code follows failure-threshold: at error the same findings pass', async () => {
    const dir = repository();
    const hadolint = path.join(dir, '.hadolint.yaml');
    const { readFileSync } = await import('node:fs');
    writeFileSync(hadolint, readFileSync(hadolint, 'utf8').replace('failure-threshold: warning', 'failure-threshold: error'));
    const run = await lint(dir);
    expect(run.code).toBe(0);
    expect(run.findings).toHaveLength(5);
  });

  it('source-path= with a plain relative folder is relative to where the run starts, as in ShellCheck (SCRIPTDIR: the script’s folder)', async () => {
    const dir = repository();
    writeFileSync(path.join(dir, '.shellcheckrc'), 'disable=SC3010\nsource-path=lib\n');
    const library = (findings: string[]) => findings.filter((f) => f.includes('SC2148'));
    // from the repository root, `lib` is lib/: bin/deploy.sh sources lib/common.sh, tools/common.sh is a program
    expect(library((await lint(dir)).findings)).toEqual(['tools/common.sh:1:1 warning shell/shebang SC2148']);
    // from bin/, `lib` is bin/lib, which does not exist: the sourced file is not found by path, and
    // each common.sh may be the one sourced (by file name), so neither is called a program
    const fromBin = await cli(['--format', 'json', '..'], path.join(dir, 'bin'));
    expect(fromBin.stdout).not.toContain('SC2148');
    expect(fromBin.stdout).toContain('SC3046');
    // `source-path=tools` from the root: now tools/common.sh is the library and lib/common.sh the program
    writeFileSync(path.join(dir, '.shellcheckrc'), 'disable=SC3010\nsource-path=tools\n');
    expect(library((await lint(dir)).findings)).toEqual(['lib/common.sh:1:1 warning shell/shebang SC2148']);
  });
});
