import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Packs under test import the public API by its package name, as published packs do.
    alias: {
      'stack-lint/testing': fileURLToPath(new URL('./src/testing.ts', import.meta.url)),
      'stack-lint/kit': fileURLToPath(new URL('./rules/kit/index.ts', import.meta.url)),
      'stack-lint': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'threads',
    // Test files share a worker's module graph: importing the engine and every rule once per worker,
    // not once per file, takes the suite from about 300 s to about 60-110 s on two cores. What a
    // test changes outside itself is undone after it, so files cannot see each other's mocks.
    isolate: false,
    // The main process mostly waits on the workers: on two cores a second worker takes the suite from
    // about 112 s to about 87 s (vitest's default leaves one core to the main process).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    restoreMocks: true,
    unstubEnvs: true,
    unstubGlobals: true,
  },
});
