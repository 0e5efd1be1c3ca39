import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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

/** Marks every cached message, so a reused result is told apart from a fresh one. */
function markCache(dir: string): void {
  const file = path.join(dir, CACHE);
  const cache = JSON.parse(readFileSync(file, 'utf8'));
  for (const entry of Object.values(cache.entries) as { diagnostics: { message: string }[] }[]) {
    for (const d of entry.diagnostics) d.message = `CACHED ${d.message}`;
  }
  writeFileSync(file, JSON.stringify(cache));
}

async function messages(dir: string, args: string[] = [], paths = ['.']): Promise<Record<string, string[]>> {
  const run = await cli(['--cache', '-f', 'json', ...args, ...paths], dir);
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

  it('notices an edited .env beside a compose file', async () => {
    const dir = project();
    writeFileSync(path.join(dir, '.env'), 'TAG=1\n');
    await messages(dir);
    markCache(dir);
    writeFileSync(path.join(dir, '.env'), 'TAG=22\n');
    expect(freshList((await messages(dir))['compose.yaml'])).toBe(true);
  });
});
