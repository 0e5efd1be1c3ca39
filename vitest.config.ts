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
  },
});
