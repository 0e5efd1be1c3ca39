import { promises as fsp, chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../src/fix/write.js';
import { cli } from '../helpers/cli.js';

const SCRIPT = '#!/bin/bash\n# backup\ndocker exec db pg_dump app > backup.sql\ngzip backup.sql\n';
const FIXED = '#!/bin/bash\nset -eo pipefail\n# backup\ndocker exec db pg_dump app > backup.sql\ngzip backup.sql\n';

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
    const first = await cli(['--fix', '--unsafe-fixes', '.'], dir);
    expect(first.stdout).toContain('fixed 1 problem in 1 file (shell/strict-mode: 1)');
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(statSync(file).mode & 0o777).toBe(0o754);
    expect(first.code).toBe(0);
    const second = await cli(['--fix', '--unsafe-fixes', '.'], dir);
    expect(second.stdout).toContain('no fixes to apply');
    expect(readFileSync(file, 'utf8')).toBe(FIXED);
    expect(readdirSync(dir).sort()).toEqual(['.git', 'backup.sh']);
  });

  it('keeps CRLF line endings and a byte order mark', async () => {
    const crlf = '\uFEFF' + SCRIPT.replace(/\n/g, '\r\n');
    const dir = project({ 'backup.sh': crlf });
    await cli(['--fix', '--unsafe-fixes', '.'], dir);
    expect(readFileSync(path.join(dir, 'backup.sh'), 'utf8')).toBe('\uFEFF' + FIXED.replace(/\n/g, '\r\n'));
  });

  it('--fix-dry-run prints a unified diff and writes nothing', async () => {
    const dir = project({ 'backup.sh': SCRIPT });
    const run = await cli(['--fix-dry-run', '--unsafe-fixes', '.'], dir);
    expect(readFileSync(path.join(dir, 'backup.sh'), 'utf8')).toBe(SCRIPT);
    expect(run.stdout).toContain('--- a/backup.sh\n+++ b/backup.sh\n@@ -1,4 +1,5 @@\n #!/bin/bash\n+set -eo pipefail\n # backup\n');
    expect(run.stdout).toContain('would fix 1 problem in 1 file');
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
    const run = await cli(['--fix', '--unsafe-fixes', '.'], dir);
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
