// The mutation fuzzer, for as long as asked (a test runs it on a small budget
// in `npm test`): bundles test/fuzz/main.ts with the engine's sources, so it
// fuzzes the code as it is, without a build, and runs it.
//
//   npm run fuzz [-- --count N] [--seed S] [--start I] [--time-limit ms] [--out dir] [--corpus dir]
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Under node_modules, so that the bundle finds the packages it leaves outside; one per process, so that runs
// side by side (`--start 0` and `--start 50000`) never read each other's half-written bundle.
const outfile = path.join(root, `node_modules/.cache/stack-lint-fuzz/fuzz-${process.pid}.mjs`);
process.on('exit', () => rmSync(outfile, { force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
await build({
  entryPoints: [path.join(root, 'test/fuzz/main.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __fuzzRequire } from 'node:module'; const require = __fuzzRequire(import.meta.url);" },
});
process.env.STACK_LINT_ROOT = root;
await import(pathToFileURL(outfile).href);
