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
  writeFileSync(path.join(dir, 'other/run.sh'), '#!/bin/sh\necho hi\n');
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
  writeFileSync(path.join(dir, 'elsewhere/tool.sh'), '#!/bin/sh\necho hi\n');
  return dir;
}

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

async function messages(dir: string, args: string[] = []): Promise<Record<string, string[]>> {
  const run = await cli(['--cache', '-f', 'json', ...args, '.'], dir);
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

  it('lints everything again when the config changed', async () => {
    const dir = project();
    await messages(dir);
    markCache(dir);
    writeFileSync(path.join(dir, '.stackpolicyrc.yaml'), 'rules:\n  shell/strict-mode: error\n');
    const after = await messages(dir);
    expect(freshList(after['compose.yaml'])).toBe(true);
    expect(freshList(after['other/run.sh'])).toBe(true);
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
