import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { jsonReportValidator, sarifValidator } from '../report/schemas.js';

/** Only compose/image-pinned (error) and shell/strict-mode (warning) fire in these projects. */
const CONFIG = `rules:
  compose/image-pinned: error
  shell/strict-mode: warning
`;
const compose = (...images: string[]) => `services:\n${images.map((image, i) => `  s${i}:\n    image: ${image}\n`).join('')}`;

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-adopt-'));
  mkdirSync(path.join(dir, '.git'));
  write(dir, { '.stackpolicyrc.yaml': CONFIG, ...files });
  return dir;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

type JsonFinding = { ruleId: string; line: number; column: number; suppressed: { kind: string } | null; baselineState?: string };
function findings(stdout: string): string[] {
  const report = JSON.parse(stdout) as { files: { path: string; diagnostics: JsonFinding[] }[] };
  return report.files.flatMap((f) =>
    f.diagnostics.map((d) => `${f.path}:${d.line}:${d.column} ${d.ruleId}${d.suppressed ? ` (${d.suppressed.kind})` : ''}${d.baselineState ? ` ${d.baselineState}` : ''}`),
  );
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('bulk suppressions', () => {
  it('round trip: record, add a finding, only the new one is reported, fix one, prune', async () => {
    const dir = project({
      'compose.yaml': compose('nginx:latest', 'redis:latest'),
      'scripts/run.sh': '#!/bin/sh\necho hi\necho there\n',
    });

    const record = await cli(['--suppress-all', '--format', 'json', '.'], dir);
    expect(record.code).toBe(0);
    expect(record.stderr).toBe('stack-lint: 3 findings recorded in stack-lint-suppressions.json\n');
    const file = path.join(dir, 'stack-lint-suppressions.json');
    expect(readFileSync(file, 'utf8')).toBe(
      '{\n  "compose.yaml": {\n    "compose/image-pinned": {\n      "count": 2\n    }\n  },\n  "scripts/run.sh": {\n    "shell/strict-mode": {\n      "count": 1\n    }\n  }\n}\n',
    );
    expect(findings(record.stdout)).toEqual([]);

    // A clean run after recording: nothing reported, and it says how many were suppressed.
    const clean = await cli(['.'], dir);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('✔ no problems in 2 files\n  3 findings recorded in the suppressions file were not reported.\n');
    expect(clean.stderr).toBe('');

    // Lines moved (a comment and a service added above) and a new file with a finding: only the new one.
    write(dir, {
      'compose.yaml': `# moved\nservices:\n  extra:\n    image: busybox:1.36\n${compose('nginx:latest', 'redis:latest').slice('services:\n'.length)}`,
      'api/compose.yaml': compose('api:latest'),
    });
    const added = await cli(['--format', 'json', '.'], dir);
    expect(findings(added.stdout)).toEqual(['api/compose.yaml:3:12 compose/image-pinned']);
    expect(added.code).toBe(1);
    expect(JSON.parse(added.stdout).summary).toMatchObject({ errors: 1, warnings: 0, suppressed: 3 });

    // Suppressed findings are kept in SARIF on request, marked as external suppressions.
    const sarif = JSON.parse((await cli(['--format', 'sarif', '--sarif-include-suppressed', '.'], dir)).stdout);
    const results = sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; suppressions?: unknown }) => [
      r.locations[0]!.physicalLocation.artifactLocation.uri,
      r.suppressions ?? null,
    ]);
    expect(results).toEqual([
      ['api/compose.yaml', null],
      ['compose.yaml', [{ kind: 'external' }]],
      ['compose.yaml', [{ kind: 'external' }]],
      ['scripts/run.sh', [{ kind: 'external' }]],
    ]);

    // One fixed: the entry no longer occurs as recorded, which fails the run until pruned.
    write(dir, { 'compose.yaml': compose('nginx:1.27', 'redis:latest'), 'api/compose.yaml': compose('api:1.0') });
    const unused = await cli(['.'], dir);
    expect(unused.code).toBe(1);
    expect(unused.stderr).toBe(
      'stack-lint: there are suppressions left that do not occur anymore; run again with --prune-suppressions to drop them from stack-lint-suppressions.json:\n' +
        '  compose.yaml  compose/image-pinned  (2 recorded, 1 found)\n',
    );
    expect((await cli(['--pass-on-unpruned-suppressions', '.'], dir)).code).toBe(0);

    const pruned = await cli(['--prune-suppressions', '.'], dir);
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).toBe('stack-lint: pruned 1 entry of stack-lint-suppressions.json that no longer occur\n');
    expect(readJson(file)).toEqual({ 'compose.yaml': { 'compose/image-pinned': { count: 1 } }, 'scripts/run.sh': { 'shell/strict-mode': { count: 1 } } });
    expect(await cli(['.'], dir)).toMatchObject({ code: 0, stderr: '' });
  });

  it('covers findings in files the run reads but does not lint (an env_file)', async () => {
    const dir = project({
      'compose.yaml': 'services:\n  api:\n    image: acme/api:1.0\n    env_file: backend.env\n',
      'backend.env': 'SECRET_KEY=f00dbabe1234\n',
    });
    const before = await cli(['--format', 'json', '.'], dir);
    expect(findings(before.stdout)).toEqual(['backend.env:1:12 compose/no-plaintext-secrets']);
    await cli(['--suppress-all', '.'], dir);
    expect(readJson(path.join(dir, 'stack-lint-suppressions.json'))).toEqual({ 'backend.env': { 'compose/no-plaintext-secrets': { count: 1 } } });
    expect(await cli(['.'], dir)).toMatchObject({ code: 0, stdout: '✔ no problems in 1 file\n  1 finding recorded in the suppressions file was not reported.\n', stderr: '' });
  });

  it('applies to standard input too (editors), and the reports stay valid against their schemas', async () => {
    const text = compose('nginx:latest');
    const dir = project({ 'compose.yaml': text });
    await cli(['--suppress-all', '.'], dir);
    const stdin = await cli(['--stdin', '--stdin-filename', 'compose.yaml', '--format', 'json', '--sarif-include-suppressed'], dir, {}, text);
    expect(stdin.code).toBe(0);
    expect(findings(stdin.stdout)).toEqual(['compose.yaml:3:12 compose/image-pinned (external)']);
    expect(jsonReportValidator()(JSON.parse(stdin.stdout))).toEqual([]);
    const sarif = JSON.parse((await cli(['--format', 'sarif', '--sarif-include-suppressed', '.'], dir)).stdout);
    expect(sarifValidator()(sarif)).toEqual([]);
    expect(sarif.runs[0].results[0].suppressions).toEqual([{ kind: 'external' }]);
  });

  it('reports every finding of a file and rule once there are more than recorded, and says why', async () => {
    const dir = project({ 'compose.yaml': compose('nginx:latest') });
    await cli(['--suppress-all', '.'], dir);
    write(dir, { 'compose.yaml': compose('nginx:latest', 'redis:latest') });
    const run = await cli(['--format', 'json', '.'], dir);
    expect(run.code).toBe(1);
    expect(findings(run.stdout)).toEqual(['compose.yaml:3:12 compose/image-pinned', 'compose.yaml:5:12 compose/image-pinned']);
    expect(run.stderr).toBe(
      'stack-lint: compose.yaml has 2 findings of compose/image-pinned where stack-lint-suppressions.json records 1: all 2 are reported\n',
    );
  });

  it('--suppress-rule records only that rule, and keeps what was recorded before', async () => {
    const dir = project({ 'compose.yaml': compose('nginx:latest', 'redis:latest'), 'run.sh': '#!/bin/sh\necho hi\necho there\n' });
    write(dir, { 'stack-lint-suppressions.json': '{"zz/old.sh": {"shell/strict-mode": {"count": 1}}, "compose.yaml": {"compose/image-pinned": {"count": 1}}}' });
    const run = await cli(['--suppress-rule', 'shell/strict-mode', '--format', 'json', '.'], dir);
    // compose.yaml keeps its count of 1, so both of its findings are reported.
    expect(findings(run.stdout)).toEqual(['compose.yaml:3:12 compose/image-pinned', 'compose.yaml:5:12 compose/image-pinned']);
    expect(run.stderr).toBe(
      'stack-lint: 1 finding recorded in stack-lint-suppressions.json\n' +
        'stack-lint: compose.yaml has 2 findings of compose/image-pinned where stack-lint-suppressions.json records 1: all 2 are reported\n',
    );
    // Sorted by file whatever the order of recording, so that the file diffs well.
    expect(readFileSync(path.join(dir, 'stack-lint-suppressions.json'), 'utf8')).toBe(
      [
        '{',
        '  "compose.yaml": {',
        '    "compose/image-pinned": {',
        '      "count": 1',
        '    }',
        '  },',
        '  "run.sh": {',
        '    "shell/strict-mode": {',
        '      "count": 1',
        '    }',
        '  },',
        '  "zz/old.sh": {',
        '    "shell/strict-mode": {',
        '      "count": 1',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('--suppress-rule refuses an unknown rule with a suggestion, and writes nothing', async () => {
    const dir = project({ 'compose.yaml': compose('nginx:latest') });
    const run = await cli(['--suppress-rule', 'compose/image-pined', '.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('stack-lint: --suppress-rule: unknown rule "compose/image-pined"; did you mean "compose/image-pinned"?\n');
    expect(existsSync(path.join(dir, 'stack-lint-suppressions.json'))).toBe(false);
  });

  it('--suppressions-location: another file, paths still relative to the project root, from a subfolder too', async () => {
    const dir = project({ 'svc/compose.yaml': compose('nginx:latest') });
    const record = await cli(['--suppress-all', '--suppressions-location', '.github/suppressions.json', '.'], dir);
    expect(record.code).toBe(0);
    expect(readJson(path.join(dir, '.github/suppressions.json'))).toEqual({ 'svc/compose.yaml': { 'compose/image-pinned': { count: 1 } } });
    expect((await cli(['--suppressions-location', '../.github/suppressions.json', '.'], path.join(dir, 'svc'))).code).toBe(0);
    // Without it, the default file is looked for (at the project root) and there is none.
    expect((await cli(['.'], path.join(dir, 'svc'))).code).toBe(1);
    const missing = await cli(['--suppressions-location', 'nope.json', '.'], dir);
    expect(missing).toMatchObject({ code: 2, stderr: 'stack-lint: the suppressions file nope.json does not exist; create it with --suppress-all or --suppress-rule <id>\n' });
  });

  it('a malformed suppressions file is a configuration error naming the file and key', async () => {
    const dir = project({ 'compose.yaml': compose('nginx:latest'), 'stack-lint-suppressions.json': '{"compose.yaml": {"compose/image-pinned": {"count": 0}}}' });
    const run = await cli(['.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `stack-lint: ${path.join(dir, 'stack-lint-suppressions.json')}: "compose.yaml"."compose/image-pinned": must be { "count": <a whole number of at least 1> }\n`,
    );
  });

  it('refuses flags that do not go together', async () => {
    const dir = project({ 'compose.yaml': compose('nginx:latest') });
    expect((await cli(['--suppress-all', '--suppress-rule', 'x', '.'], dir)).stderr).toContain('--suppress-all and --suppress-rule cannot be used together');
    expect((await cli(['--suppress-all', '--prune-suppressions', '.'], dir)).stderr).toContain('--prune-suppressions cannot be used with --suppress-all');
    expect((await cli(['--suppress-all', '--fix-dry-run', '.'], dir)).stderr).toContain('not with --stdin or --fix-dry-run');
    expect((await cli(['--only-new', '.'], dir)).stderr).toBe('stack-lint: --only-new goes with --baseline <previous.sarif>\nRun "stack-lint --help" for usage.\n');
  });
});

describe('--baseline and --only-new', () => {
  it('sets baselineState new, unchanged, updated and absent, and --only-new reports only the new', async () => {
    const dir = project({
      'compose.yaml': compose('nginx:latest', 'redis:latest', 'mysql:latest'),
      'old.sh': '#!/bin/sh\necho old\necho twice\n',
    });
    const before = await cli(['--format', 'sarif', '--output-file', 'main.sarif', '.'], dir);
    expect(before.code).toBe(1);

    // mysql is pinned (absent); a new script has a finding (new); old.sh is as it was (unchanged). The
    // line hash covers about 100 characters from the line on, so the pinned line changes the hashes of
    // nginx's and redis's lines too: they are matched by rule, file and message instead (updated).
    write(dir, {
      'compose.yaml': compose('nginx:latest', 'redis:latest', 'postgres:16.4').replace('postgres:16.4', 'postgres:16.4 # pinned'),
      'new.sh': '#!/bin/sh\necho new\necho twice\n',
    });
    const compared = await cli(['--baseline', 'main.sarif', '--format', 'sarif', '.'], dir);
    expect(compared.stderr).toBe('stack-lint: compared with main.sarif: 1 new, 1 unchanged, 2 updated, 1 absent\n');
    const results = JSON.parse(compared.stdout).runs[0].results.map(
      (r: { ruleId: string; baselineState: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) =>
        `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine} ${r.ruleId} ${r.baselineState}`,
    );
    expect(results).toEqual([
      'compose.yaml:3 compose/image-pinned updated',
      'compose.yaml:5 compose/image-pinned updated',
      'new.sh:1 shell/strict-mode new',
      'old.sh:1 shell/strict-mode unchanged',
      'compose.yaml:7 compose/image-pinned absent',
    ]);

    expect(sarifValidator()(JSON.parse(compared.stdout))).toEqual([]);

    const json = await cli(['--baseline', 'main.sarif', '--format', 'json', '.'], dir);
    expect(jsonReportValidator()(JSON.parse(json.stdout))).toEqual([]);
    expect(findings(json.stdout)).toEqual([
      'compose.yaml:3:12 compose/image-pinned updated',
      'compose.yaml:5:12 compose/image-pinned updated',
      'new.sh:1:1 shell/strict-mode new',
      'old.sh:1:1 shell/strict-mode unchanged',
    ]);

    const pretty = await cli(['--baseline', 'main.sarif', '.'], dir);
    expect(pretty.stdout.split('\n').filter((l) => l.includes('[new]'))).toEqual([
      '  1:1  warning  the script never sets -e, so a failing command does not stop it  shell/strict-mode  [unsafe fix]  [new]',
    ]);

    // Only the new warning is reported: the errors that were already there no longer fail the run.
    const onlyNew = await cli(['--baseline', 'main.sarif', '--only-new', '--format', 'json', '.'], dir);
    expect(findings(onlyNew.stdout)).toEqual(['new.sh:1:1 shell/strict-mode new']);
    expect(onlyNew.code).toBe(0);
    expect(onlyNew.stderr).toBe('stack-lint: compared with main.sarif: 1 new, 1 unchanged, 2 updated (only new findings are reported)\n');
    expect((await cli(['--baseline', 'main.sarif', '--only-new', '--max-warnings', '0', '.'], dir)).code).toBe(1);
  });

  it('keeps findings matched by their line hash when lines move above them', async () => {
    const dir = project({ 'compose.yaml': compose('nginx:latest') });
    await cli(['--format', 'sarif', '-o', 'base.sarif', '.'], dir);
    write(dir, { 'compose.yaml': `# a comment\n\n${compose('nginx:latest')}` });
    const json = await cli(['--baseline', 'base.sarif', '--format', 'json', '.'], dir);
    expect(findings(json.stdout)).toEqual(['compose.yaml:5:12 compose/image-pinned unchanged']);
    const run = await cli(['--baseline', 'base.sarif', '--only-new', '.'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ no problems in 1 file\n');
  });

  it('counts only findings that are reported: what the suppressions file covers is not new', async () => {
    const dir = project({ 'compose.yaml': compose('nginx:latest') });
    await cli(['--format', 'sarif', '-o', 'base.sarif', '.'], dir);
    await cli(['--suppress-all', '.'], dir);
    write(dir, { 'run.sh': '#!/bin/sh\necho hi\necho there\n' });
    const run = await cli(['--baseline', 'base.sarif', '--only-new', '--format', 'json', '.'], dir);
    expect(run.stderr).toBe('stack-lint: compared with base.sarif: 1 new, 0 unchanged, 0 updated (only new findings are reported)\n');
    expect(findings(run.stdout)).toEqual(['run.sh:1:1 shell/strict-mode new']);
    // Recorded after the baseline was made: the baseline does not have it, and it is still not reported as new.
    await cli(['--suppress-all', '.'], dir);
    const suppressed = await cli(['--baseline', 'base.sarif', '--only-new', '.'], dir);
    expect(suppressed.stderr).toBe('stack-lint: compared with base.sarif: 0 new, 0 unchanged, 0 updated (only new findings are reported)\n');
    expect(suppressed.code).toBe(0);
  });

  it('an unreadable baseline is a clear error', async () => {
    const dir = project({ 'compose.yaml': compose('nginx:latest'), 'bad.sarif': '{"version": "2.1.0"}' });
    const missing = await cli(['--baseline', 'none.sarif', '.'], dir);
    expect(missing).toMatchObject({ code: 2, stderr: `stack-lint: ${path.join(dir, 'none.sarif')}: cannot read the baseline SARIF log: no such file\n` });
    const bad = await cli(['--baseline', 'bad.sarif', '.'], dir);
    expect(bad).toMatchObject({ code: 2, stderr: `stack-lint: ${path.join(dir, 'bad.sarif')}: the baseline is not a SARIF log (no "runs" array)\n` });
  });
});

describe('stack-lint init offers to record the current findings', () => {
  // No config yet: init writes one (recommended preset), under which a base image tagged latest is an error.
  const fresh = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-init-'));
    mkdirSync(path.join(dir, '.git'));
    write(dir, files);
    return dir;
  };
  const initIn = async (dir: string, args: string[], answer?: string) => {
    const { main } = await import('../../src/cli/main.js');
    let stdout = '';
    let stderr = '';
    const asked: string[] = [];
    const code = await main(['init', ...args], {
      cwd: dir,
      env: {},
      stdout: { write: (t: string) => (stdout += t), isTTY: answer !== undefined },
      stderr: { write: (t: string) => (stderr += t) },
      ...(answer !== undefined ? { ask: async (q: string) => (asked.push(q), answer) } : {}),
    });
    return { code, stdout, stderr, asked };
  };
  const suppressions = (dir: string) => path.join(dir, 'stack-lint-suppressions.json');
  const latest = 'FROM ubuntu:latest\nUSER 1000\nCMD ["true"]\n';
  const twoLatest = { Dockerfile: latest, 'worker/Dockerfile': latest };

  it('without a terminal it prints how many there are and the command, and records nothing', async () => {
    const dir = fresh(twoLatest);
    const run = await initIn(dir, []);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('wrote .stackpolicyrc.yaml\n2 errors and warnings found; to gate only new findings from now on, record them: stack-lint --suppress-all\n');
    expect(existsSync(suppressions(dir))).toBe(false);
  });

  it('init --suppress-all records them: the next run passes, and a new finding alone fails it', async () => {
    const dir = fresh(twoLatest);
    const run = await initIn(dir, ['--suppress-all']);
    expect(run).toMatchObject({ code: 0, stdout: 'wrote .stackpolicyrc.yaml\nstack-lint: 2 findings recorded in stack-lint-suppressions.json\n' });
    expect(readJson(suppressions(dir))).toEqual({ Dockerfile: { 'dockerfile/pinned-base-image': { count: 1 } }, 'worker/Dockerfile': { 'dockerfile/pinned-base-image': { count: 1 } } });
    expect((await cli(['.'], dir)).code).toBe(0);
    write(dir, { 'api/Dockerfile': latest });
    const after = await cli(['--format', 'json', '.'], dir);
    expect(after.code).toBe(1);
    expect(findings(after.stdout).filter((f) => !f.includes('(external)'))).toEqual(['api/Dockerfile:1:6 dockerfile/pinned-base-image']);
  });

  it('at a terminal it asks; yes records them, no records nothing', async () => {
    const yes = fresh(twoLatest);
    const answered = await initIn(yes, [], 'y');
    expect(answered.asked).toEqual(['2 errors and warnings found. Record them in the bulk suppressions file, so that only new findings fail from now on? [y/N] ']);
    expect(answered.stdout).toBe('wrote .stackpolicyrc.yaml\nstack-lint: 2 findings recorded in stack-lint-suppressions.json\n');
    expect(existsSync(suppressions(yes))).toBe(true);
    const no = fresh(twoLatest);
    expect((await initIn(no, [], '')).stdout).toContain('record them: stack-lint --suppress-all\n');
    expect(existsSync(suppressions(no))).toBe(false);
  });

  it('a repository without errors or warnings is told there is nothing to record, and is not asked', async () => {
    const dir = fresh({ 'compose.yaml': compose('nginx:latest') });
    const run = await initIn(dir, [], 'y');
    expect(run.asked).toEqual([]);
    expect(run.stdout).toBe('wrote .stackpolicyrc.yaml\nno errors or warnings: nothing to record, every finding from now on is new\n');
  });
});
