// One measured run for bench.mjs: lint the given paths in this process and
// print timing and peak memory as JSON.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { run } = await import(path.join(root, 'dist/index.js'));
const started = performance.now();
const result = await run({ cwd: process.cwd(), patterns: process.argv.slice(2), noConfigLookup: true });
const lintMs = performance.now() - started;
const kinds = {};
for (const f of result.files) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
process.stdout.write(
  JSON.stringify({ files: result.files.length, kinds, lintMs, findings: result.diagnostics.length, maxRssKb: process.resourceUsage().maxRSS }),
);
