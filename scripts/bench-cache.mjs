// Benchmark of `--cache` (a script, not a test): the shared corpus copied into a
// generated tree of about 5,000 files, linted without the cache, with an empty
// cache (cold) and with the cache of the previous run (warm), the three in
// alternation round by round so that all see the same machine. Prints the median
// CPU time (user + system) and wall time, the peak RSS, the cache file's size
// against the size of the files linted, whether the three reports are identical,
// and a warm run of the same tree moved to another path (a CI cache restored in
// another checkout).
//
//   npm run build && node scripts/bench-cache.mjs [--runs 3] [--copies 26] [--corpus dir] [--cli dist/cli.js]
//
// --cli   another build to measure (e.g. one kept aside before a change)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commitOf, median } from './bench-common.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const value = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(value('--runs', 3));
const copies = Number(value('--copies', 26));
const corpus = path.resolve(value('--corpus', path.join(root, '../shared/corpus')));
const cli = path.resolve(value('--cli', path.join(root, 'dist/cli.js')));
const work = path.join(os.tmpdir(), `stack-lint-bench-cache-${process.pid}`);
const time = '/usr/bin/time';
if (!existsSync(cli)) {
  console.error(`${cli} is missing: run \`npm run build\` first`);
  process.exit(2);
}
if (!existsSync(time)) {
  console.error('GNU time (/usr/bin/time) is needed for CPU time and peak RSS');
  process.exit(2);
}

const commit = () => commitOf(root);

// The tree: the corpus copied `copies` times, as scripts/bench.mjs builds its largest tree.
// The checkout is the folder the runs start in (the project root, with no repository above it).
rmSync(work, { recursive: true, force: true });
let checkout = path.join(work, 'checkout');
const tree = 'tree';
for (let i = 0; i < copies; i++) cpSync(corpus, path.join(checkout, tree, `copy${i}`), { recursive: true });
const cacheFile = path.join(work, 'lint.cache');

/** One run of stack-lint on `dir` (relative to the checkout): its report, CPU ms, wall ms and peak RSS (MB). */
function lint(dir, cache) {
  const argv = [process.execPath, cli, '-f', 'json', '--no-config-lookup', ...(cache ? ['--cache', '--cache-location', cacheFile] : []), dir];
  const started = process.hrtime.bigint();
  const child = spawnSync(time, ['-f', '%U %S %M', ...argv], { cwd: checkout, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0 && child.status !== 1) throw new Error(`exit ${child.status}: ${child.stderr.slice(-800)}`);
  const lines = child.stderr.trim().split('\n');
  const [user, system, rssKb] = lines.pop().split(' ').map(Number);
  return { report: child.stdout, warnings: lines.join('\n'), cpu: (user + system) * 1000, wall, rss: rssKb / 1024 };
}

const kinds = { none: [], cold: [], warm: [] };
let identical = true;
let warnings = '';
// One warm-up run on one copy, not counted: the code cache and the page cache are then warm for all.
lint(path.join(tree, 'copy0'), false);
for (let i = 0; i < runs; i++) {
  const none = lint(tree, false);
  rmSync(cacheFile, { force: true });
  const cold = lint(tree, true);
  const warm = lint(tree, true);
  kinds.none.push(none);
  kinds.cold.push(cold);
  kinds.warm.push(warm);
  if (cold.report !== none.report || warm.report !== none.report) identical = false;
  warnings += cold.warnings + warm.warnings;
}

// The size of what was linted: the files the report lists.
const report = JSON.parse(kinds.none[0].report);
const inputBytes = report.files.reduce((sum, f) => sum + statSync(path.resolve(checkout, f.path)).size, 0);
const cacheBytes = statSync(cacheFile).size;

// The same tree at another path, with the cache of the last warm run: a CI cache restored in another checkout.
const moved = path.join(work, 'elsewhere', 'checkout');
mkdirSync(path.dirname(moved), { recursive: true });
renameSync(checkout, moved);
checkout = moved;
const relocated = lint(tree, true);
const relocatedAgain = lint(tree, true);
const relocatedSame = relocated.report === kinds.none[0].report;

const row = (name, list) => {
  const cpu = median(list.map((r) => r.cpu));
  const none = median(kinds.none.map((r) => r.cpu));
  const rel = list === kinds.none ? '' : `  (${cpu >= none ? '+' : ''}${(((cpu - none) / none) * 100).toFixed(0)}% CPU)`;
  return `  ${name.padEnd(26)} cpu ${median(list.map((r) => r.cpu)).toFixed(0).padStart(6)} ms  wall ${median(list.map((r) => r.wall)).toFixed(0).padStart(6)} ms  peak ${Math.max(...list.map((r) => r.rss)).toFixed(0).padStart(4)} MB${rel}`;
};
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, stack-lint at ${commit()} (${path.relative(root, cli) || cli}), load ${os.loadavg()[0].toFixed(2)}`);
console.log(`${report.files.length} files linted (the corpus ${copies} times), ${(inputBytes / 2 ** 20).toFixed(1)} MB; ${runs} rounds of no cache / cold / warm in alternation, medians, peak = largest`);
console.log(row('no cache', kinds.none));
console.log(row('--cache, cold (no cache file)', kinds.cold));
console.log(row('--cache, warm (nothing changed)', kinds.warm));
console.log(row('warm, tree moved elsewhere', [relocated]));
console.log(row('the moved tree again', [relocatedAgain]));
console.log(`  cache file ${(cacheBytes / 2 ** 20).toFixed(2)} MB = ${((cacheBytes / inputBytes) * 100).toFixed(1)}% of the input`);
console.log(`  reports identical with and without the cache: ${identical ? 'yes' : 'NO'}; moved tree: ${relocatedSame ? 'yes' : 'NO'}`);
if (warnings.trim()) console.log(`  warnings: ${warnings.trim().split('\n').slice(0, 3).join(' | ')}`);
// The JSON report's size is worth knowing beside the cache file's.
console.log(`  (the JSON report: ${(Buffer.byteLength(kinds.none[0].report) / 2 ** 20).toFixed(2)} MB)`);
rmSync(work, { recursive: true, force: true });
