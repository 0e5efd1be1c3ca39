import fs, { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from '../helpers/cli.js';

function tempProject(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-bad-'));
  mkdirSync(path.join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

interface JsonDiag {
  ruleId: string;
  line: number;
  column: number;
  message: string;
}

async function jsonRun(dir: string, args: string[] = ['.']) {
  // compose/image-pinned (off in recommended) is the proof that the other files were linted.
  const run = await cli(['-f', 'json', '--rule', 'compose/image-pinned: error', ...args], dir);
  const report = JSON.parse(run.stdout || '{"files":[]}') as { files: { path: string; diagnostics: JsonDiag[] }[] };
  const byFile = Object.fromEntries(report.files.map((f) => [f.path, f.diagnostics]));
  return { ...run, byFile };
}

const GOOD = 'services:\n  web:\n    image: nginx:1.27\n';

afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
});

describe('bad input', () => {
  it('malformed YAML: compose/syntax at the place, and the other files are still linted', async () => {
    const dir = tempProject({ 'a/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports: [80:80\n  db:\n', 'b/compose.yaml': 'services:\n  x:\n    image: redis\n' });
    const run = await jsonRun(dir);
    expect(run.code).toBe(1);
    const syntax = run.byFile['a/compose.yaml']!;
    expect(syntax.map((d) => d.ruleId)).toContain('compose/syntax');
    expect(syntax[0]!.line).toBeGreaterThanOrEqual(4);
    expect(run.byFile['b/compose.yaml']!.map((d) => d.ruleId)).toContain('compose/image-pinned');
  });

  it('binary file: a clear message, not a crash', async () => {
    const dir = tempProject({ 'compose.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), 'ok/compose.yaml': GOOD });
    const run = await jsonRun(dir);
    expect(run.code).toBe(1);
    expect(run.byFile['compose.yaml']).toEqual([
      expect.objectContaining({ ruleId: 'compose/syntax', line: 1, column: 1, message: 'file looks binary (NUL byte at offset 4); not linted' }),
    ]);
    expect(run.byFile['ok/compose.yaml']!.filter((d) => d.ruleId.endsWith('/syntax') || d.ruleId.startsWith('stack-lint/'))).toEqual([]);
  });

  it('empty files: compose and Dockerfile are reported, an empty script is fine', async () => {
    const dir = tempProject({ 'compose.yaml': '', Dockerfile: '\n\n', 'run.sh': '' });
    const run = await jsonRun(dir);
    expect(run.code).toBe(1);
    expect(run.byFile['compose.yaml']!.map((d) => d.message)).toEqual(['the compose file is empty']);
    expect(run.byFile['Dockerfile']!.map((d) => d.message)).toEqual(['the Dockerfile is empty (a build needs at least a FROM)']);
    expect(run.byFile['run.sh']).toEqual([]);
  });

  it('a 5 MB compose file lints', async () => {
    let text = 'services:\n';
    for (let i = 0; text.length < 5 * 1024 * 1024; i++) text += `  svc${i}:\n    image: registry.example.com/team/service-${i}:1.0.${i}\n    restart: unless-stopped\n`;
    const dir = tempProject({ 'compose.yaml': text });
    const run = await jsonRun(dir);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    expect(run.byFile['compose.yaml']!.filter((d) => d.ruleId.endsWith('/syntax') || d.ruleId.startsWith('stack-lint/'))).toEqual([]);
    // What this asserts is that it completes cleanly; how fast is the benchmark's (`bench --only huge`), and a loaded machine may take minutes.
  }, 300_000);

  it('YAML alias bomb: refused with a message, in bounded time and memory', async () => {
    const bomb = [
      'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'x-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'x-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'x-d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'x-e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'x-f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'x-g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    command: *g',
      '',
    ].join('\n');
    const dir = tempProject({ 'compose.yaml': bomb });
    const run = await jsonRun(dir);
    expect(run.code).toBe(1);
    const [d] = run.byFile['compose.yaml']!;
    expect(d!.ruleId).toBe('compose/syntax');
    expect(d!.message).toContain('alias bomb');
  });

  it('unreadable file: named in the report, exit 2, the other files still linted', async () => {
    const dir = tempProject({ 'locked/compose.yaml': GOOD, 'open/compose.yaml': 'services:\n  x:\n    image: redis\n' });
    const locked = path.join(dir, 'locked/compose.yaml');
    // Tests run as root here, where chmod cannot make a file unreadable: the open fails instead.
    const realOpen = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((file: unknown, ...rest: unknown[]) => {
      if (file === locked) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (realOpen as (...a: unknown[]) => number)(file, ...rest);
    }) as never);
    syncBuiltinESMExports(); // the engine's `import { openSync } from 'node:fs'` sees the spy
    const run = await jsonRun(dir);
    expect(run.code).toBe(2);
    expect(run.byFile['locked/compose.yaml']).toEqual([
      expect.objectContaining({ ruleId: 'stack-lint/unreadable-file', message: 'cannot read locked/compose.yaml: permission denied' }),
    ]);
    expect(run.byFile['open/compose.yaml']!.map((d) => d.ruleId)).toContain('compose/image-pinned');
  });

  it('bad config: exit 2 and a message naming the file and key, nothing linted', async () => {
    const dir = tempProject({ '.stackpolicyrc.json': '{ "rules": { "compose/image-pinned": "loud" } }', 'compose.yaml': GOOD });
    const run = await cli(['.'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('.stackpolicyrc.json');
    expect(run.stderr).toContain('compose/image-pinned');
    expect(readFileSync(path.join(dir, 'compose.yaml'), 'utf8')).toBe(GOOD);
  });

  describe.runIf(process.platform !== 'win32')('a FIFO where a file is expected', () => {
    const fifo = (file: string) => execFileSync('mkfifo', [file]);

    it('named on the command line: says what it is, never blocks, and the other files are linted', async () => {
      const dir = tempProject({ 'compose.yaml': 'services:\n  x:\n    image: redis\n' });
      fifo(path.join(dir, 'Dockerfile'));
      const run = await jsonRun(dir, ['Dockerfile', 'compose.yaml']);
      expect(run.stderr).toBe('');
      expect(run.byFile['Dockerfile']).toEqual([
        expect.objectContaining({ ruleId: 'stack-lint/unreadable-file', line: 1, column: 1, message: 'cannot read Dockerfile: is a FIFO, not a regular file' }),
      ]);
      expect(run.byFile['compose.yaml']!.map((d) => d.ruleId)).toContain('compose/image-pinned');
      expect(run.code).toBe(2);
    }, 20_000);

    it('as the .env, .dockerignore or Dockerfile a compose file reads: never blocks', async () => {
      const dir = tempProject({ 'compose.yaml': 'services:\n  api:\n    build: ./api\n    env_file: app.env\n', 'api/.keep': '' });
      for (const f of ['.env', 'app.env', 'api/.dockerignore', 'api/Dockerfile']) fifo(path.join(dir, f));
      const run = await jsonRun(dir);
      // Read as "there, contents unknown": no finding claims the env file is missing.
      expect(run.byFile['compose.yaml']!.map((d) => d.ruleId).sort()).toEqual([]);
      expect(run.code).toBe(0);
    }, 20_000);
  });
});
