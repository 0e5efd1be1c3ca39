import os from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUTO_MIN_FILES, setWorkerEntry, workerPool } from '../../src/engine/workers.js';

const setup = { run: {}, files: [] };

afterEach(() => {
  vi.restoreAllMocks();
  setWorkerEntry(undefined);
});

function threadsWith(cores: number, concurrency: number | 'auto' | undefined, files: number): number {
  vi.spyOn(os, 'availableParallelism').mockReturnValue(cores);
  return workerPool(concurrency, files, setup)?.count ?? 1;
}

describe('worker threads', () => {
  it('by default, a large run lints with one thread per core but one, at most four', () => {
    setWorkerEntry('/stack-lint/dist/cli.js');
    expect(threadsWith(2, undefined, 5_000)).toBe(1);
    expect(threadsWith(4, undefined, 5_000)).toBe(3);
    expect(threadsWith(8, 'auto', 5_000)).toBe(4);
  });

  it('a run under the threshold stays in one thread', () => {
    setWorkerEntry('/stack-lint/dist/cli.js');
    expect(threadsWith(8, undefined, AUTO_MIN_FILES - 1)).toBe(1);
    expect(threadsWith(8, undefined, AUTO_MIN_FILES)).toBe(4);
  });

  it('--concurrency is taken as asked, whatever the cores', () => {
    setWorkerEntry('/stack-lint/dist/cli.js');
    expect(threadsWith(2, 3, 10)).toBe(3);
    expect(threadsWith(16, 1, 5_000)).toBe(1);
  });

  it('without the built CLI to start workers with (the library API), every run stays in the calling thread', () => {
    expect(threadsWith(8, 4, 5_000)).toBe(1);
  });
});

describe('a worker thread’s context', () => {
  it('takes the main thread’s evidence instead of reading the repository again', async () => {
    const { workerContext } = await import('../../src/runner/run.js');
    const evidence = { items: [], yamlFiles: [], read: ['/repo/Makefile'], roots: ['/repo'] };
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-worker-'));
    try {
      const ctx = await workerContext({ run: { cwd, patterns: ['.'] }, files: [] }, new Set(), undefined, evidence);
      expect(ctx.options.evidence).toBe(evidence);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
