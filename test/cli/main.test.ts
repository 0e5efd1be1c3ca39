import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FIXTURES, ROOT } from '../helpers/lint.js';

function tempProject(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-cli-'));
  mkdirSync(path.join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('the example stack', () => {
  it('reports findings of all three kinds with exact positions and exits 1', async () => {
    // compose/image-pinned and shell/strict-mode are off in recommended: turned on, so each kind has its proof.
    const run = await cli(['--format', 'json', '--rule', 'compose/image-pinned: error', '--rule', 'shell/strict-mode: warning', 'stacks/deadtrees'], FIXTURES);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const proof = new Set(['compose/image-pinned', 'dockerfile/pinned-base-image', 'shell/strict-mode']);
    const found = report.files.flatMap((f: { path: string; diagnostics: { ruleId: string; line: number; column: number }[] }) =>
      f.diagnostics.filter((d) => proof.has(d.ruleId)).map((d) => `${f.path}:${d.line}:${d.column} ${d.ruleId}`),
    );
    expect(found).toEqual([
      'stacks/deadtrees/docker-compose.api.yaml:34:12 compose/image-pinned',
      'stacks/deadtrees/nginx/api-conf/Dockerfile:1:6 dockerfile/pinned-base-image',
      'stacks/deadtrees/scripts/dev.sh:1:1 shell/strict-mode',
    ]);
  });

  it('prints a code frame and a summary in pretty format', async () => {
    const run = await cli(['stacks/deadtrees'], FIXTURES);
    expect(run.stdout).toContain('stacks/deadtrees/docker-compose.api.yaml');
    expect(run.stdout).toContain('      test: curl --fail http://127.0.0.1:40831/ || exit 1');
    expect(run.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\)/);
  });
});

describe('exit codes and flags', () => {
  it('prints the version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const run = await cli(['--version'], FIXTURES);
    expect(run).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('refuses an unknown flag with exit 2', async () => {
    const run = await cli(['--frobnicate'], FIXTURES);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--frobnicate'");
  });

  it('refuses an unknown format with exit 2', async () => {
    const run = await cli(['--format', 'xml', '.'], FIXTURES);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown format "xml": not one of pretty, json, sarif, github, gitlab, junit, checkstyle');
  });

  it('treats a path that does not exist as a usage error', async () => {
    const run = await cli(['no/such/dir'], FIXTURES);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('stack-lint: no such file or folder: no/such/dir\n');
  });

  it('exits 0 on warnings alone, and 1 when they exceed --max-warnings', async () => {
    const file = 'shell/strict-mode/bad/late.sh';
    const on = ['--rule', 'shell/strict-mode: warning'];
    expect((await cli([...on, file], FIXTURES)).code).toBe(0);
    expect((await cli([...on, '--max-warnings', '1', file], FIXTURES)).code).toBe(0);
    expect((await cli([...on, '--max-warnings', '0', file], FIXTURES)).code).toBe(1);
  });

  it('takes --max-warnings -1 (as one word or two) as no limit, and refuses other negatives', async () => {
    const file = 'shell/strict-mode/bad/late.sh';
    const on = ['--rule', 'shell/strict-mode: warning'];
    for (const args of [['--max-warnings', '-1'], ['--max-warnings=-1']]) {
      const run = await cli([...on, ...args, file], FIXTURES);
      expect([run.code, run.stderr]).toEqual([0, '']);
    }
    const bad = await cli(['--max-warnings', '-2', file], FIXTURES);
    expect([bad.code, bad.stderr]).toEqual([2, 'stack-lint: --max-warnings takes a number of warnings, or -1 for no limit (got "-2")\nRun "stack-lint --help" for usage.\n']);
    // After `--`, a negative number is a path, not the option's value.
    const positional = await cli([...on, '--max-warnings', '0', '--', file], FIXTURES);
    expect(positional.code).toBe(1);
  });

  it('--quiet drops warnings', async () => {
    const run = await cli(['--quiet', '--rule', 'shell/strict-mode: warning', '--format', 'json', 'shell/strict-mode/bad/late.sh'], FIXTURES);
    expect(JSON.parse(run.stdout).files[0].diagnostics).toEqual([]);
  });

  it('--rule changes a severity', async () => {
    const run = await cli(['--rule', 'shell/strict-mode: error', 'shell/strict-mode/bad/late.sh'], FIXTURES);
    expect(run.code).toBe(1);
  });

  it('skips a file of no kind named explicitly, silently', async () => {
    const run = await cli(['stacks/deadtrees/api/requirements.txt'], FIXTURES);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('writes the report to --output-file', async () => {
    const dir = tempProject({ 'compose.yaml': 'services:\n  a:\n    image: nginx\n' });
    const run = await cli(['-f', 'json', '-o', 'out/report.json', '--rule', 'compose/image-pinned: error', '.'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const report = JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8'));
    expect(report.files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('compose/image-pinned');
  });

  it('lists rules with their compat codes', async () => {
    const run = await cli(['--list-rules', '--format', 'json'], FIXTURES);
    const rules = JSON.parse(run.stdout).rules as { id: string; compat: Record<string, string[]> }[];
    expect(rules.find((r) => r.id === 'dockerfile/pinned-base-image')!.compat).toEqual({ hadolint: ['DL3006', 'DL3007'] });
  });
});

describe('config', () => {
  it('applies overrides by file glob', async () => {
    const dir = tempProject({
      '.stackpolicyrc.yaml': 'rules:\n  shell/strict-mode: warning\noverrides:\n  - files: ["deploy-*.sh"]\n    rules:\n      shell/strict-mode: error\n',
      'scripts/build.sh': '#!/bin/sh\necho build\nmake\n',
      'scripts/deploy-prod.sh': '#!/bin/sh\necho deploy\nmake deploy\n',
    });
    const run = await cli(['-f', 'json', '.'], dir);
    const report = JSON.parse(run.stdout);
    const severities = report.files.map((f: { path: string; diagnostics: { severity: string }[] }) => `${f.path} ${f.diagnostics[0].severity}`);
    expect(severities).toEqual(['scripts/build.sh warning', 'scripts/deploy-prod.sh error']);
    expect(run.code).toBe(1);
  });

  it('refuses an unknown rule id with a suggestion and exit 2', async () => {
    const dir = tempProject({ '.stackpolicyrc.yaml': 'rules:\n  compose/imag-pinned: error\n', 'compose.yaml': 'services: {}\n' });
    const run = await cli(['.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('compose/imag-pinned');
    expect(run.stderr).toContain('did you mean "compose/image-pinned"');
  });

  it('refuses a config that is not valid YAML, naming file, line and column', async () => {
    const dir = tempProject({ '.stackpolicyrc.yaml': 'rules:\n  compose/image-pinned: [error\n', 'compose.yaml': 'services: {}\n' });
    const run = await cli(['.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.stackpolicyrc.yaml');
    expect(run.stderr).toMatch(/\.stackpolicyrc\.yaml:3:1: invalid YAML: Flow sequence/);
  });
});

describe('SARIF flags', () => {
  it('--sarif-category sets automationDetails and --sarif-include-suppressed keeps suppressed findings', async () => {
    const plain = JSON.parse((await cli(['-f', 'sarif', '--rule', 'shell/strict-mode: warning', 'suppressions/shell/script.sh'], FIXTURES)).stdout);
    expect(plain.runs[0].results).toEqual([]);
    const run = await cli(['-f', 'sarif', '--rule', 'shell/strict-mode: warning', '--sarif-category', 'shell', '--sarif-include-suppressed', 'suppressions/shell/script.sh'], FIXTURES);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.runs[0].automationDetails).toEqual({ id: 'shell/' });
    expect(sarif.runs[0].results[0].suppressions).toEqual([{ kind: 'inSource', justification: 'legacy script, rewritten in Q3' }]);
  });
});

describe('stack-lint init', () => {
  it('writes a commented config that loads, with the environments it finds, and never overwrites one', async () => {
    const dir = tempProject({
      'docker-compose.yml': 'services: {}\n',
      'docker-compose.prod.yml': 'services: {}\n',
      'deploy/compose.staging.yaml': 'services: {}\n',
      'api/Dockerfile': 'FROM python:3.12-slim\n',
    });
    const first = await cli(['init'], dir);
    expect(first).toEqual({ code: 0, stdout: 'wrote .stackpolicyrc.yaml\nno errors or warnings: nothing to record, every finding from now on is new\n', stderr: '' });
    const text = readFileSync(path.join(dir, '.stackpolicyrc.yaml'), 'utf8');
    expect(text).toContain('# Found: 3 compose file(s), 1 Dockerfile(s), 0 shell script(s).');
    expect(text).toContain('environments:\n  production: ["docker-compose.prod.yml"]\n  staging: ["deploy/compose.staging.yaml"]\n');
    expect(text).toContain('  - environment: production\n');
    const printed = JSON.parse((await cli(['--print-config', 'docker-compose.prod.yml'], dir)).stdout);
    expect(printed.rules['compose/image-pinned']).toEqual(['error', { requireDigest: true }]);
    const again = await cli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('stack-lint: .stackpolicyrc.yaml already exists; stack-lint init changes nothing\n');
  });
});
