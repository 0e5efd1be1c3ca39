/**
 * fixtures/adoption/peer-configs: a repository with a `.hadolint.yaml`
 * (ignored, override, failure-threshold) and a `.shellcheckrc` (disable,
 * source-path), linted through the CLI. Its README says what each setting does.
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
    expect(run.findings).toHaveLength(4);
  });
});
