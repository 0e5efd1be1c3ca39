import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { FLAG_NAMES } from '../../src/cli/args.js';
import { cli } from '../helpers/cli.js';
import { FIXTURES, ROOT } from '../helpers/lint.js';

/** One warning (shell/strict-mode, 1:1, turned on by STRICT_MODE: it is off in recommended) and nothing else. */
const WARNING_ONLY = 'shell/strict-mode/bad/late.sh';
const STRICT_MODE = ['--rule', 'shell/strict-mode: warning'];

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-flags-'));
  mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('every flag', () => {
  it('is in --help and in the README', async () => {
    const help = (await cli(['--help'], FIXTURES)).stdout;
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    // A flag, not the start of a longer one (--fix in --fix-dry-run).
    const flag = (name: string) => `${name}(?![\\w-])`;
    expect(FLAG_NAMES.filter((name) => !new RegExp(flag(name)).test(help))).toEqual([]);
    expect(FLAG_NAMES.filter((name) => !new RegExp(`\`[^\`]*${flag(name)}[^\`]*\``).test(readme))).toEqual([]);
  });
});

describe('unknown flags', () => {
  it('suggest the flag that was probably meant', async () => {
    const run = await cli(['--suppres-all', '.'], FIXTURES);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`stack-lint: Unknown option '--suppres-all'; did you mean "--suppress-all"?\nRun "stack-lint --help" for usage.\n`);
    expect((await cli(['--max-warning', '0'], FIXTURES)).stderr).toContain(`Unknown option '--max-warning'; did you mean "--max-warnings"?`);
  });

  it('say nothing more when no flag is near', async () => {
    const run = await cli(['--frobnicate'], FIXTURES);
    expect(run.stderr).toBe(`stack-lint: Unknown option '--frobnicate'\nRun "stack-lint --help" for usage.\n`);
  });
});

describe('--exit-zero', () => {
  it('exits 0 with errors found, and still prints them', async () => {
    const file = 'stacks/deadtrees/nginx/api-conf/Dockerfile';
    expect((await cli([file], FIXTURES)).code).toBe(1);
    const run = await cli(['--exit-zero', file], FIXTURES);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1:6\s+error\s+base image "nginx" has no tag/);
  });

  it('does not turn a usage error into success', async () => {
    expect((await cli(['--exit-zero', 'no/such/dir'], FIXTURES)).code).toBe(2);
  });
});

describe('--max-warnings', () => {
  it('says on stderr when there are more warnings than allowed', async () => {
    const run = await cli([...STRICT_MODE, '--max-warnings', '0', WARNING_ONLY], FIXTURES);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('stack-lint: 1 warning found, more than --max-warnings 0 allows\n');
    expect((await cli([...STRICT_MODE, '--max-warnings', '1', WARNING_ONLY], FIXTURES)).stderr).toBe('');
  });

  it('counts the warnings --quiet hides', async () => {
    const run = await cli([...STRICT_MODE, '--quiet', '--max-warnings', '0', WARNING_ONLY], FIXTURES);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('stack-lint: 1 warning found, more than --max-warnings 0 allows\n');
  });
});

describe('--quiet', () => {
  it('never says "no problems" when it hid warnings', async () => {
    const run = await cli([...STRICT_MODE, '--quiet', WARNING_ONLY], FIXTURES);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ no errors in 1 file (1 warning or info not shown with --quiet)\n');
    expect(run.stdout).not.toContain('no problems');
  });

  it('says "no problems" when there were none', async () => {
    expect((await cli(['--quiet', 'shell/strict-mode/good'], FIXTURES)).stdout).toBe('✔ no problems in 4 files\n');
  });
});

describe('--statistics', () => {
  it('prints counts per rule after a pretty report, most first', async () => {
    const dir = project({
      'compose.yaml': 'services:\n  a:\n    image: nginx:latest\n  b:\n    image: redis:latest\n',
      '.stackpolicyrc.yaml':
        'rules:\n  compose/image-pinned: error\n  compose/restart-policy: warning\n  dockerfile/apk-no-cache: warning\n  dockerfile/non-root-user: warning\n',
      'Dockerfile': 'FROM alpine:3.20\nrun apk add curl\n',
    });
    const run = await cli(['--statistics', '.'], dir);
    expect(run.stdout.slice(run.stdout.indexOf('✖'))).toBe(
      [
        '✖ 7 problems (2 errors, 5 warnings, 0 infos)',
        '  1 warning is potentially fixable with --fix.',
        '  3 warnings are potentially fixable with --fix --unsafe-fixes.',
        '  2  compose/image-pinned',
        '  2  compose/restart-policy',
        '  1  dockerfile/apk-no-cache',
        '  1  dockerfile/instruction-casing  1 fixable',
        '  1  dockerfile/non-root-user',
        '',
      ].join('\n'),
    );
  });

  it('goes to stderr beside a machine-readable report', async () => {
    const run = await cli([...STRICT_MODE, '--statistics', '--format', 'json', WARNING_ONLY], FIXTURES);
    expect(JSON.parse(run.stdout).summary.warnings).toBe(1);
    expect(run.stderr).toBe('  1  shell/strict-mode\n');
  });
});

describe('--format junit', () => {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

  it('counts warnings as failures only when they fail the run', async () => {
    const passing = await cli([...STRICT_MODE, '--format', 'junit', WARNING_ONLY], FIXTURES);
    expect(passing.code).toBe(0);
    expect(xml.parse(passing.stdout).testsuites.failures).toBe('0');
    const failing = await cli([...STRICT_MODE, '--format', 'junit', '--max-warnings', '0', WARNING_ONLY], FIXTURES);
    expect(failing.code).toBe(1);
    expect(xml.parse(failing.stdout).testsuites.failures).toBe('1');
  });
});

describe('--fix-dry-run', () => {
  it('prints only the diff on stdout, which git apply accepts; the report goes to stderr', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-dry-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    const before = 'FROM alpine:3.20\nrun apk add curl\n';
    writeFileSync(path.join(dir, 'Dockerfile'), before);
    git('add', '.');
    git('commit', '-qm', 'start');

    const run = await cli(['--fix-dry-run', '--rule', 'dockerfile/apk-no-cache: warning', '--rule', 'dockerfile/non-root-user: warning', '.'], dir);
    expect(run.stdout).toBe('--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n FROM alpine:3.20\n-run apk add curl\n+RUN apk add curl\n');
    expect(run.stderr).toContain('dockerfile/non-root-user');
    expect(run.stderr).toContain('would fix 1 problem in 1 file');
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(before);

    writeFileSync(path.join(dir, 'fix.diff'), run.stdout);
    git('apply', '--check', 'fix.diff');
    git('apply', 'fix.diff');
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe('FROM alpine:3.20\nRUN apk add curl\n');
  });
});
