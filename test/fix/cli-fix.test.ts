import { promises as fsp, chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../src/core/write-file.js';
import { cli } from '../helpers/cli.js';

const SCRIPT = '#!/bin/bash\n# backup\ndocker exec db pg_dump app > backup.sql\ngzip backup.sql\n';
const FIXED = '#!/bin/bash\nset -eo pipefail\n# backup\ndocker exec db pg_dump app > backup.sql\ngzip backup.sql\n';
/** shell/strict-mode, whose fix these tests apply, is off in recommended. */
const STRICT_MODE = ['--rule', 'shell/strict-mode: warning'];

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-fix-'));
  mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

afterEach(() => vi.restoreAllMocks());

describe('--fix', () => {
  it('applies only safe fixes without --unsafe-fixes', async () => {
    const dir = project({ 'backup.sh': SCRIPT });
    const run = await cli(['--fix', '.'], dir);
    expect(readFileSync(path.join(dir, 'backup.sh'), 'utf8')).toBe(SCRIPT);
    expect(run.stdout).toContain('no fixes to apply');
    expect(run.code).toBe(0);
  });

  it('applies unsafe fixes with --unsafe-fixes, keeps the mode, and a second run changes nothing', async () => {
    const dir = project({ 'backup.sh': SCRIPT });
    const file = path.join(dir, 'backup.sh');
    chmodSync(file, 0o754);
    const first = await cli([...STRICT_MODE, '--fix', '--unsafe-fixes', '.'], dir);
    expect(first.stdout).toContain('fixed 1 problem in 1 file (shell/strict-mode: 1)');
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(statSync(file).mode & 0o777).toBe(0o754);
    expect(first.code).toBe(0);
    const second = await cli([...STRICT_MODE, '--fix', '--unsafe-fixes', '.'], dir);
    expect(second.stdout).toContain('no fixes to apply');
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(readdirSync(dir).sort()).toEqual(['.git', 'backup.sh']);
  });

  it('keeps CRLF line endings and a byte order mark', async () => {
    const crlf = '\uFEFF' + SCRIPT.replace(/\n/g, '\r\n');
    const dir = project({ 'backup.sh': crlf });
    await cli([...STRICT_MODE, '--fix', '--unsafe-fixes', '.'], dir);
    expect(readFileSync(path.join(dir, 'backup.sh'), 'utf8')).toBe('\uFEFF' + FIXED.replace(/\n/g, '\r\n'));
  });

  it('--fix-dry-run prints a unified diff and writes nothing', async () => {
    const dir = project({ 'backup.sh': SCRIPT });
    const run = await cli([...STRICT_MODE, '--fix-dry-run', '--unsafe-fixes', '.'], dir);
    expect(readFileSync(path.join(dir, 'backup.sh'), 'utf8')).toBe(SCRIPT);
    expect(run.stdout).toContain('--- a/backup.sh\n+++ b/backup.sh\n@@ -1,4 +1,5 @@\n #!/bin/bash\n+set -eo pipefail\n # backup\n');
    // The summary is for people, on stderr: standard output is the diff alone.
    expect(run.stderr).toContain('would fix 1 problem in 1 file');
    expect(run.stdout).not.toContain('would fix');
  });

  it('refuses --unsafe-fixes without a fix mode', async () => {
    const run = await cli(['--unsafe-fixes', '.'], os.tmpdir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--unsafe-fixes goes with --fix or --fix-dry-run');
  });

  it('does not overwrite a file that changed on disk during the run', async () => {
    const dir = project({ 'backup.sh': SCRIPT });
    const file = path.join(dir, 'backup.sh');
    const realReadFile = fsp.readFile;
    let reads = 0;
    vi.spyOn(fsp, 'readFile').mockImplementation((async (p: unknown, ...rest: unknown[]) => {
      // The last read is the check before writing: someone saved the file meanwhile.
      if (p === file && ++reads === 2) writeFileSync(file, SCRIPT + 'echo edited\n');
      return (realReadFile as (...a: unknown[]) => Promise<unknown>)(p, ...rest);
    }) as never);
    const run = await cli([...STRICT_MODE, '--fix', '--unsafe-fixes', '.'], dir);
    expect(run.stderr).toContain('backup.sh: changed on disk while stack-lint ran; fixes not written');
    expect(run.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(SCRIPT + 'echo edited\n');
  });
});

describe('atomic writes', () => {
  it('leaves the original intact when the process dies between writing and renaming', async () => {
    const dir = project({ 'compose.yaml': 'services: {}\n' });
    const file = path.join(dir, 'compose.yaml');
    vi.spyOn(fsp, 'rename').mockRejectedValue(Object.assign(new Error('killed'), { code: 'EINTR' }));
    await expect(writeFileAtomic(file, 'services:\n  web: {}\n')).rejects.toThrow('killed');
    expect(readFileSync(file, 'utf8')).toBe('services: {}\n');
    expect(readdirSync(dir).sort()).toEqual(['.git', 'compose.yaml']);
  });
});

describe('temporary files of a killed run', () => {
  /** The pid of a process that has ended. */
  const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

  it('are named after the file, stack-lint and the writing process', async () => {
    const dir = project({ 'compose.yaml': 'services: {}\n' });
    const written: string[] = [];
    const realWriteFile = fsp.writeFile;
    vi.spyOn(fsp, 'writeFile').mockImplementation(((p: string, ...rest: unknown[]) => (written.push(p), (realWriteFile as (...a: unknown[]) => Promise<void>)(p, ...rest))) as never);
    await writeFileAtomic(path.join(dir, 'compose.yaml'), 'services:\n  web: {}\n');
    expect(written.map((p) => path.basename(p))).toEqual([expect.stringMatching(new RegExp(`^\\.compose\\.yaml\\.stack-lint-${process.pid}-\\d+\\.tmp$`))]);
  });

  it('are removed by the next write into their folder; a live process\'s are kept', async () => {
    const stale = `.compose.yaml.stack-lint-${deadPid()}-1700000000000.tmp`;
    const live = `.compose.yaml.stack-lint-${process.ppid}-1700000000000.tmp`;
    const dir = project({ 'compose.yaml': 'services: {}\n', [stale]: 'half', [live]: 'busy' });
    await writeFileAtomic(path.join(dir, 'compose.yaml'), 'services:\n  web: {}\n');
    expect(readdirSync(dir).sort()).toEqual(['.git', live, 'compose.yaml'].sort());
  });

  it('are removed by the next lint run, in walked folders and beside files named on the command line', async () => {
    const pid = deadPid();
    const dir = project({
      'api/Dockerfile': 'FROM alpine:3.20\n',
      [`api/.Dockerfile.stack-lint-${pid}-1700000000000.tmp`]: 'FROM alp',
      'tools/run.sh': '#!/bin/sh\necho hi\n',
      [`tools/.run.sh.stack-lint-${pid}-1700000000000.tmp`]: '#!/bin/sh\n',
      'tools/.keep.tmp': 'not ours',
    });
    await cli(['api'], dir);
    expect(readdirSync(path.join(dir, 'api'))).toEqual(['Dockerfile']);
    await cli(['tools/run.sh'], dir);
    expect(readdirSync(path.join(dir, 'tools')).sort()).toEqual(['.keep.tmp', 'run.sh']);
  });
});

describe('--fix on a symbolic link named on the command line', () => {
  const BEFORE = 'from alpine:3.20\nENV MODE prod\n';
  const AFTER = 'FROM alpine:3.20\nENV MODE=prod\n';

  it('writes through the link to its target inside the project, and the link stays a link', async () => {
    const dir = project({ 'docker/Dockerfile.prod': BEFORE });
    symlinkSync('docker/Dockerfile.prod', path.join(dir, 'Dockerfile'));
    const run = await cli(['--fix', 'Dockerfile'], dir);
    expect(run.stderr).toBe('');
    expect(lstatSync(path.join(dir, 'Dockerfile')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'Dockerfile'))).toBe('docker/Dockerfile.prod');
    expect(readFileSync(path.join(dir, 'docker/Dockerfile.prod'), 'utf8')).toBe(AFTER);
    expect(readdirSync(dir).sort()).toEqual(['.git', 'Dockerfile', 'docker']);
    expect(readdirSync(path.join(dir, 'docker'))).toEqual(['Dockerfile.prod']);
  });

  it('leaves a link to a file outside the project unfixed, and says so', async () => {
    const outside = project({ 'Dockerfile.shared': BEFORE });
    const dir = project({});
    symlinkSync(path.join(outside, 'Dockerfile.shared'), path.join(dir, 'Dockerfile'));
    const run = await cli(['--fix', 'Dockerfile'], dir);
    expect(run.stderr).toBe(`stack-lint: Dockerfile: is a symbolic link to ${realpathSync(path.join(outside, 'Dockerfile.shared'))}, outside the project; fixes not written\n`);
    expect(run.code).toBe(2);
    expect(lstatSync(path.join(dir, 'Dockerfile')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(outside, 'Dockerfile.shared'), 'utf8')).toBe(BEFORE);
  });
});
