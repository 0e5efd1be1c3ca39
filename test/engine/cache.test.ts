import { chmodSync, cpSync, promises as fsp, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from '../helpers/cli.js';

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-cache-'));
  mkdirSync(path.join(dir, '.git'));
  mkdirSync(path.join(dir, 'api'));
  writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  api:\n    build: ./api\n  db:\n    image: postgres\n');
  writeFileSync(path.join(dir, 'api/Dockerfile'), 'FROM python:3.12-slim\n');
  mkdirSync(path.join(dir, 'other'));
  writeFileSync(path.join(dir, 'other/run.sh'), '#!/bin/sh\necho hi\necho bye\n');
  return dir;
}

/** A project whose root has no compose file: its folders are separate stacks. */
function twoStacks(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-cache2-'));
  mkdirSync(path.join(dir, '.git'));
  mkdirSync(path.join(dir, 'app/api'), { recursive: true });
  writeFileSync(path.join(dir, 'app/compose.yaml'), 'services:\n  api:\n    build: ./api\n  db:\n    image: postgres\n');
  writeFileSync(path.join(dir, 'app/api/Dockerfile'), 'FROM python:3.12-slim\n');
  mkdirSync(path.join(dir, 'elsewhere'));
  writeFileSync(path.join(dir, 'elsewhere/tool.sh'), '#!/bin/sh\necho hi\necho bye\n');
  return dir;
}

/** A compose file in app/ that builds from docker/api/, a folder with no compose file: two stacks for the cache. */
function buildsFromElsewhere(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-cache3-'));
  mkdirSync(path.join(dir, '.git'));
  mkdirSync(path.join(dir, 'app'));
  mkdirSync(path.join(dir, 'docker/api'), { recursive: true });
  writeFileSync(path.join(dir, 'app/compose.yaml'), 'services:\n  api:\n    build: ../docker/api\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/"]\n');
  writeFileSync(path.join(dir, 'docker/api/Dockerfile'), 'FROM python:3.12-slim\n');
  mkdirSync(path.join(dir, 'elsewhere'));
  writeFileSync(path.join(dir, 'elsewhere/tool.sh'), '#!/bin/sh\necho hi\necho bye\n');
  return dir;
}

/** The same base image, now with curl: `stack/healthcheck-tool` no longer fires on app/compose.yaml. */
const WITH_CURL = 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n';

const CACHE = '.stack-lint-cache';

/** Rules off in recommended that give every file of these projects a finding, so that a cached result shows. */
const ON = ['compose/image-pinned: error', 'dockerfile/non-root-user: warning', 'dockerfile/healthcheck: info', 'shell/strict-mode: warning'].flatMap((r) => ['--rule', r]);

afterEach(() => vi.restoreAllMocks());

/** Marks every cached message, so a reused result is told apart from a fresh one. */
function markCache(dir: string): void {
  const file = path.join(dir, CACHE);
  const cache = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  // A stored finding is [ruleId, severity, message, file, range, extra?].
  for (const entry of Object.values(cache.entries) as { diagnostics: [string, number, string][] }[]) {
    for (const d of entry.diagnostics) d[2] = `CACHED ${d[2]}`;
  }
  writeFileSync(file, gzipSync(JSON.stringify(cache)));
}

async function messages(dir: string, args: string[] = [], paths = ['.']): Promise<Record<string, string[]>> {
  const run = await cli([...ON, '--cache', '-f', 'json', ...args, ...paths], dir);
  const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { message: string }[] }[] };
  return Object.fromEntries(report.files.map((f) => [f.path, f.diagnostics.map((d) => d.message)]));
}

const cached = (list: string[] = []) => list.length > 0 && list.every((m) => m.startsWith('CACHED '));
const freshList = (list: string[] = []) => list.every((m) => !m.startsWith('CACHED '));

describe('--cache', () => {
  it('reuses the results of unchanged stacks', async () => {
    const dir = project();
    const first = await messages(dir);
    markCache(dir);
    const second = await messages(dir);
    expect(Object.keys(second)).toEqual(Object.keys(first));
    expect(cached(second['compose.yaml'])).toBe(true);
    expect(cached(second['other/run.sh'])).toBe(true);
  });

  it('lints a stack again when one of its files changed, and only that stack', async () => {
    const dir = twoStacks();
    await messages(dir);
    markCache(dir);
    writeFileSync(path.join(dir, 'app/compose.yaml'), 'services:\n  db:\n    image: postgres:latest\n');
    const after = await messages(dir);
    expect(freshList(after['app/compose.yaml'])).toBe(true);
    expect(after['app/compose.yaml']!.some((m) => m.includes('postgres:latest'))).toBe(true);
    expect(cached(after['elsewhere/tool.sh'])).toBe(true);
  });

  it('lints a compose file again when a Dockerfile of its stack changed', async () => {
    const dir = twoStacks();
    await messages(dir);
    markCache(dir);
    writeFileSync(path.join(dir, 'app/api/Dockerfile'), 'FROM python:3.13-slim\n');
    const after = await messages(dir);
    expect(freshList(after['app/compose.yaml'])).toBe(true);
    expect(cached(after['elsewhere/tool.sh'])).toBe(true);
  });

  it('lints a compose file again when the Dockerfile it builds from, in a folder not linted, changed', async () => {
    const dir = buildsFromElsewhere();
    const before = await messages(dir, [], ['app']);
    expect(Object.keys(before)).toEqual(['app/compose.yaml']);
    expect(before['app/compose.yaml']!.some((m) => m.includes('runs curl, but its image (python:3.12-slim'))).toBe(true);
    markCache(dir);
    expect(cached((await messages(dir, [], ['app']))['app/compose.yaml'])).toBe(true);
    writeFileSync(path.join(dir, 'docker/api/Dockerfile'), WITH_CURL);
    const after = (await messages(dir, [], ['app']))['app/compose.yaml']!;
    expect(freshList(after)).toBe(true);
    expect(after.some((m) => m.includes('runs curl'))).toBe(false);
  });

  it('lints a compose file again when a Dockerfile of another stack it builds from changed, and leaves unrelated stacks cached', async () => {
    const dir = buildsFromElsewhere();
    await messages(dir);
    markCache(dir);
    writeFileSync(path.join(dir, 'docker/api/Dockerfile'), WITH_CURL);
    const after = await messages(dir);
    expect(freshList(after['app/compose.yaml'])).toBe(true);
    expect(after['app/compose.yaml']!.some((m) => m.includes('runs curl'))).toBe(false);
    expect(cached(after['elsewhere/tool.sh'])).toBe(true);
  });

  it('lints a compose file again when a file it extends, in another folder, changed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-cache4-'));
    mkdirSync(path.join(dir, '.git'));
    mkdirSync(path.join(dir, 'app'));
    mkdirSync(path.join(dir, 'common'));
    // common/base.yml is no compose file by its name: only the compose loader reads it
    writeFileSync(path.join(dir, 'app/compose.yaml'), 'services:\n  api:\n    extends:\n      file: ../common/base.yml\n      service: api\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n');
    writeFileSync(path.join(dir, 'common/base.yml'), 'services:\n  api:\n    image: python:3.12-slim\n');
    expect((await messages(dir))['app/compose.yaml']!.some((m) => m.includes('runs curl, but its image python:3.12-slim'))).toBe(true);
    markCache(dir);
    writeFileSync(path.join(dir, 'common/base.yml'), 'services:\n  api:\n    image: python:3.12-bookworm\n');
    const after = (await messages(dir))['app/compose.yaml']!;
    expect(freshList(after)).toBe(true);
    expect(after.some((m) => m.includes('runs curl'))).toBe(false);
  });

  it('lints everything again when the config changed', async () => {
    const dir = project();
    await messages(dir);
    markCache(dir);
    writeFileSync(path.join(dir, '.stackpolicyrc.yaml'), 'rules:\n  shell/strict-mode: error\n');
    const after = await messages(dir);
    expect(freshList(after['compose.yaml'])).toBe(true);
    expect(freshList(after['other/run.sh'])).toBe(true);
  });

  it('keeps the findings made in a file no stack lints (a .env naming a missing COMPOSE_FILE) on a cached run', async () => {
    const dir = project();
    writeFileSync(path.join(dir, '.env'), 'COMPOSE_FILE=compose.yaml:compose.gpu.yaml\n');
    const first = await messages(dir);
    expect(first['.env']).toEqual(['COMPOSE_FILE names "compose.gpu.yaml", which does not exist; docker compose run in this folder fails']);
    markCache(dir);
    expect((await messages(dir))['.env']).toEqual(['CACHED COMPOSE_FILE names "compose.gpu.yaml", which does not exist; docker compose run in this folder fails']);
  });

  it('notices a chmod of an env file, which leaves its size and mtime alone', async () => {
    const dir = project();
    const on = ['--rule', 'compose/env-file-mode: warning'];
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  api:\n    image: shop/api:1.0.0\n    env_file: .env.prod\n');
    writeFileSync(path.join(dir, '.env.prod'), 'SECRET_KEY=f3b9c2a7d41e8b6f0a5c9d2e7b1f4a8c\n');
    chmodSync(path.join(dir, '.env.prod'), 0o600);
    expect((await messages(dir, on))['compose.yaml']?.filter((m) => m.includes('chmod 600'))).toEqual([]);
    markCache(dir);
    chmodSync(path.join(dir, '.env.prod'), 0o644);
    expect((await messages(dir, on))['compose.yaml']?.filter((m) => m.includes('chmod 600'))).toEqual([
      'service "api" reads env_file ".env.prod", which holds secrets (SECRET_KEY) but has mode 644, so every user of the host can read them; chmod 600 it',
    ]);
  });

  it('notices an edited .env beside a compose file', async () => {
    const dir = project();
    writeFileSync(path.join(dir, '.env'), 'TAG=1\n');
    await messages(dir);
    markCache(dir);
    writeFileSync(path.join(dir, '.env'), 'TAG=22\n');
    expect(freshList((await messages(dir))['compose.yaml'])).toBe(true);
  });
});

describe('a cache that cannot be read or written', () => {
  /** The report and exit code of a run without any cache, to compare with. */
  async function uncached(dir: string): Promise<{ code: number; stdout: string }> {
    const run = await cli([...ON, '-f', 'json', '.'], dir);
    return { code: run.code, stdout: run.stdout };
  }

  it('under a regular file: one warning on stderr, the complete report, the findings\' exit code', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'notes'), 'a regular file\n');
    const expected = await uncached(dir);
    const run = await cli([...ON, '--cache-location', 'notes/c.json', '-f', 'json', '.'], dir);
    expect(run.stderr).toBe(`stack-lint: warning: cannot write the cache ${path.join(dir, 'notes/c.json')}: ENOTDIR: not a directory, mkdir '${path.join(dir, 'notes')}'; results were not cached\n`);
    expect(run.stdout).toBe(expected.stdout);
    expect(run.code).toBe(expected.code);
    expect(expected.code).toBe(1);
  });

  it.runIf(process.platform === 'linux')('under /proc: ends, with one warning, instead of spinning', async () => {
    const dir = project();
    const expected = await uncached(dir);
    const run = await cli([...ON, '--cache-location', '/proc/nope/c.json', '-f', 'json', '.'], dir);
    expect(run.stderr).toMatch(/^stack-lint: warning: cannot write the cache \/proc\/nope\/c\.json: ENOENT: [^\n]*; results were not cached\n$/);
    expect(run.stdout).toBe(expected.stdout);
    expect(run.code).toBe(1);
  }, 20_000);

  it('that fails to be written (a read-only folder): one warning, the complete report', async () => {
    const dir = project();
    const expected = await uncached(dir);
    // Tests may run as root, for whom no folder is read-only: the write itself fails.
    vi.spyOn(fsp, 'writeFile').mockRejectedValueOnce(Object.assign(new Error("EROFS: read-only file system, open 'x'"), { code: 'EROFS' }));
    const run = await cli([...ON, '--cache', '-f', 'json', '.'], dir);
    expect(run.stderr).toBe(`stack-lint: warning: cannot write the cache ${path.join(dir, CACHE)}: EROFS: read-only file system, open 'x'; results were not cached\n`);
    expect(run.stdout).toBe(expected.stdout);
    expect(run.code).toBe(1);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('that is a folder: one warning, the complete report', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'cachedir'));
    const expected = await uncached(dir);
    const run = await cli([...ON, '--cache-location', 'cachedir', '-f', 'json', '.'], dir);
    const file = path.join(dir, 'cachedir');
    expect(run.stderr).toBe(`stack-lint: warning: cannot read the cache ${file}: is a folder, not a regular file; linting without it\n`);
    expect(run.stdout).toBe(expected.stdout);
    expect(run.code).toBe(1);
  });
});

describe('what the cache keeps', () => {
  it('hits in a copy of the checkout at another path (a CI cache restored elsewhere)', async () => {
    const dir = project();
    const first = await messages(dir);
    markCache(dir);
    const moved = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-cache-moved-'));
    // A copy has new mtimes: the files are hashed, found unchanged, and the findings reused.
    cpSync(dir, moved, { recursive: true });
    const second = await messages(moved);
    expect(Object.keys(second)).toEqual(Object.keys(first));
    expect(cached(second['compose.yaml'])).toBe(true);
    expect(cached(second['other/run.sh'])).toBe(true);
  });

  it('leaves the cache file alone after a run that changed nothing in it', async () => {
    const dir = project();
    await messages(dir);
    // Older than the time that makes a file's mtime untrustworthy: the next run takes the files by size and mtime.
    const past = new Date(Date.now() - 60_000);
    for (const f of ['compose.yaml', 'api/Dockerfile', 'other/run.sh']) utimesSync(path.join(dir, f), past, past);
    await messages(dir);
    const before = readFileSync(path.join(dir, CACHE));
    const mtime = statSync(path.join(dir, CACHE)).mtimeMs;
    await messages(dir);
    expect(statSync(path.join(dir, CACHE)).mtimeMs).toBe(mtime);
    expect(readFileSync(path.join(dir, CACHE)).equals(before)).toBe(true);
  });

  it('notices an env file edited to the same size', async () => {
    const dir = project();
    const on = ['--rule', 'compose/env-file-exists: error'];
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  api:\n    image: shop/api:1.0.0\n    env_file: .env.app\n');
    writeFileSync(path.join(dir, '.env.app'), 'LEVEL=info\n');
    await messages(dir, on);
    markCache(dir);
    writeFileSync(path.join(dir, '.env.app'), 'LEVEL=warn\n');
    // mtime moves on, the size does not: the content is hashed again.
    utimesSync(path.join(dir, '.env.app'), new Date(), new Date(Date.now() + 5000));
    expect(freshList((await messages(dir, on))['compose.yaml'])).toBe(true);
  });

  it('keeps no file text and no secret value, and the paths relative to the project', async () => {
    const dir = project();
    const secret = 'Zq8vR2mK9xLp4Tn7';
    writeFileSync(path.join(dir, 'compose.yaml'), `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${secret}\n`);
    const first = await messages(dir);
    expect(first['compose.yaml']!.some((m) => m.includes('POSTGRES_PASSWORD'))).toBe(true);
    const text = gunzipSync(readFileSync(path.join(dir, CACHE))).toString('utf8');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('echo bye');
    expect(text).not.toContain(dir);
  });

  it('gives reports that quote the source (code frames) the texts on a cached run', async () => {
    const dir = project();
    const pretty = async () => (await cli([...ON, '--cache', '-f', 'pretty', '--no-color', '.'], dir)).stdout.replace(/\d+ ms|\d+(\.\d+)?s\b/g, 'T');
    const first = await pretty();
    expect(first).toContain('> 5 |     image: postgres');
    expect(first).toContain('> 1 | FROM python:3.12-slim');
    markCache(dir);
    const second = await pretty();
    expect(second).toContain('CACHED ');
    expect(second.replaceAll('CACHED ', '')).toBe(first);
  });

  it('does not take a run that reported only the files it was given for one that reports all', async () => {
    const dir = project();
    const named = await messages(dir, [], ['api/Dockerfile']);
    expect(Object.keys(named)).toEqual(['api/Dockerfile']);
    const all = await messages(dir);
    expect(Object.keys(all).sort()).toEqual(['api/Dockerfile', 'compose.yaml', 'other/run.sh']);
  });

  it('stays within a tenth of the size of what it linted', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-cache-size-'));
    mkdirSync(path.join(dir, '.git'));
    let input = 0;
    const write = (file: string, text: string): void => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
      input += Buffer.byteLength(text);
    };
    for (let i = 0; i < 40; i++) {
      const services = Array.from({ length: 6 }, (_, s) => `  svc${s}:\n    build: ./svc${s}\n    restart: unless-stopped\n    environment:\n      LEVEL: \${LEVEL:-info}\n      PORT: "80${s}"\n    ports:\n      - "80${s}:80"\n`).join('');
      write(`app${i}/compose.yaml`, `services:\n${services}`);
      for (let s = 0; s < 6; s++) {
        write(`app${i}/svc${s}/Dockerfile`, `FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nUSER 1000\nEXPOSE 80\nCMD ["python", "-m", "app${s}"]\n`);
        write(`app${i}/svc${s}/entrypoint.sh`, `#!/bin/sh\nset -eu\nif [ -n "\${MIGRATE:-}" ]; then\n  python manage.py migrate --noinput\nfi\nexec "$@"\n`);
      }
    }
    const run = await cli([...ON, '--cache', '-f', 'json', '.'], dir);
    expect(JSON.parse(run.stdout).files).toHaveLength(40 * 13);
    const size = statSync(path.join(dir, CACHE)).size;
    expect(size).toBeLessThan(input / 10);
  });
});

describe('a cache that cannot be used', () => {
  it('that is damaged: one warning, the complete report, and a sound cache written in its place', async () => {
    const dir = project();
    const expected = await cli([...ON, '-f', 'json', '.'], dir);
    writeFileSync(path.join(dir, CACHE), '{"format": 4, "entr');
    const run = await cli([...ON, '--cache', '-f', 'json', '.'], dir);
    expect(run.stderr).toBe(`stack-lint: warning: the cache ${path.join(dir, CACHE)} is damaged; linting without it\n`);
    expect(run.stdout).toBe(expected.stdout);
    markCache(dir);
    const again = await cli([...ON, '--cache', '-f', 'json', '.'], dir);
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain('CACHED ');
  });

  it('written by another version: one warning, the complete report', async () => {
    const dir = project();
    const expected = await cli([...ON, '-f', 'json', '.'], dir);
    writeFileSync(path.join(dir, CACHE), gzipSync(JSON.stringify({ format: 3, tool: '0.0.1', entries: {} })));
    const run = await cli([...ON, '--cache', '-f', 'json', '.'], dir);
    expect(run.stderr).toBe(`stack-lint: warning: the cache ${path.join(dir, CACHE)} was written by stack-lint 0.0.1 in an older or newer format; linting without it\n`);
    expect(run.stdout).toBe(expected.stdout);
  });
});

describe('--cache and the repository evidence', () => {
  it('keeps the evidence relative to the run, and gives it back while the files it read are as they were', async () => {
    const { openCache } = await import('../../src/engine/cache.js');
    const dir = project();
    writeFileSync(path.join(dir, 'Makefile'), 'up:\n\tdocker compose -f compose.yaml up -d\n');
    await messages(dir);
    const text = gunzipSync(readFileSync(path.join(dir, CACHE))).toString('utf8');
    expect(text).not.toContain(dir);
    const stored = JSON.parse(text).evidenceData as { listed: string; states: Record<string, unknown> };
    expect(Object.keys(stored.states)).toContain('Makefile');
    const version = JSON.parse(text).tool as string;
    const reused = (await openCache(path.join(dir, CACHE), version, dir, undefined, () => {})).memo.reuse(stored.listed);
    expect(reused?.read).toContain(path.join(dir, 'Makefile'));
    expect(reused?.items.some((i) => i.kind === 'compose' && i.at.file === path.join(dir, 'Makefile'))).toBe(true);
    // Another listing, or a changed evidence file: collected anew.
    expect((await openCache(path.join(dir, CACHE), version, dir, undefined, () => {})).memo.reuse('other')).toBeUndefined();
    writeFileSync(path.join(dir, 'Makefile'), 'up:\n\tdocker compose -f compose.yaml -f extra.yaml up -d\n');
    expect((await openCache(path.join(dir, CACHE), version, dir, undefined, () => {})).memo.reuse(stored.listed)).toBeUndefined();
  });
});
