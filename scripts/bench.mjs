// Benchmark (not a test): lints ../shared/corpus with the built CLI several
// times and prints the median wall time, files per second and peak memory.
//   npm run build && npm run bench [-- <path> …] [-- --runs N]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const targets = args.length ? args : [path.resolve(root, '../shared/corpus')];
const cli = path.join(root, 'dist/cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}

function once(extra) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [path.join(root, 'scripts/bench-child.mjs'), ...extra], { encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(child.stderr || `exit ${child.status}`);
  return { wallMs, ...JSON.parse(child.stdout) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
console.log(`targets: ${targets.map((t) => path.relative(process.cwd(), t) || '.').join(' ')}; ${runs} runs, medians\n`);

const startup = [];
for (let i = 0; i < runs; i++) {
  const s = process.hrtime.bigint();
  spawnSync(process.execPath, [cli, '--version']);
  startup.push(Number(process.hrtime.bigint() - s) / 1e6);
}
console.log(`--version                 ${median(startup).toFixed(0)} ms`);

const results = [];
for (let i = 0; i < runs; i++) results.push(once(targets));
const files = results[0].files;
const wall = median(results.map((r) => r.wallMs));
const lint = median(results.map((r) => r.lintMs));
const rss = Math.max(...results.map((r) => r.maxRssKb));
console.log(`files                     ${files} (${Object.entries(results[0].kinds).map(([k, n]) => `${n} ${k}`).join(', ')})`);
console.log(`wall time (process)       ${wall.toFixed(0)} ms`);
console.log(`lint time (in process)    ${lint.toFixed(0)} ms`);
console.log(`files per second          ${(files / (lint / 1000)).toFixed(0)} (lint) / ${(files / (wall / 1000)).toFixed(0)} (wall)`);
console.log(`peak RSS                  ${(rss / 1024).toFixed(0)} MB`);
console.log(`findings                  ${results[0].findings}`);
