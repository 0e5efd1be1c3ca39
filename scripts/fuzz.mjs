// The mutation fuzzer, for as long as asked (a test runs it on a small budget
// in `npm test`): bundles test/fuzz/main.ts with the engine's sources, so it
// fuzzes the code as it is, without a build, and runs it.
//
//   npm run fuzz [-- --count N] [--seed S] [--start I] [--time-limit ms] [--out dir] [--corpus dir]
import { rmSync } from 'node:fs';
import path from 'node:path';
import { importBundled, root } from './bundle-source.mjs';

// One bundle per process, so that runs side by side (`--start 0` and `--start 50000`)
// never read each other's half-written bundle.
const outfile = `stack-lint-fuzz/fuzz-${process.pid}.mjs`;
process.on('exit', () => rmSync(path.join(root, 'node_modules/.cache', outfile), { force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
process.env.STACK_LINT_ROOT = root;
await importBundled('test/fuzz/main.ts', outfile, {
  sourcemap: 'inline',
  banner: { js: "import { createRequire as __fuzzRequire } from 'node:module'; const require = __fuzzRequire(import.meta.url);" },
});
