// Benchmark harness (a script, not a test). Measures stack-lint on the shared
// corpus, on 200 and 1,000 compose files, on generated trees of ~1,000, ~2,500 and
// ~5,000 files, and on single generated files of 1, 5 and 10 MB (generated here, never committed): cold start,
// CPU time (user + system, GNU time; the figure compared: on a shared machine wall time also measures the other
// processes) beside wall time, files per CPU second, peak memory and the
// time of each phase (the engine's own STACK_LINT_TIMING=1 table, from one
// extra run), medians of several runs. Every section prints the load average
// it ran under: numbers taken with a load above the number of cores are not
// worth comparing. With --peers it also times the single-kind peers on the
// same files (dclint, dockerfilelint from npm, installed on first use under
// .bench/; shellcheck from PATH), one file of each kind first, and prints the ratios of CPU time.
//
//   npm run build && node scripts/bench.mjs [--runs 5] [--peers] [--no-large] [--sizes]
//     [--concurrency n] [--wait-idle] [--only cold,corpus,compose,trees,huge,peers,shell,one] [--out file]
//
// --sizes       also lints trees of ~1,000 and ~2,500 files (memory as the tree grows)
// --concurrency passed on to stack-lint (worker threads; default: its own choice)
// --wait-idle   waits (up to 10 minutes) for the 1-minute load average to drop below 1 first
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commitOf, median } from './bench-common.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(value('--runs', 5));
const corpus = path.resolve(value('--corpus', path.join(root, '../shared/corpus')));
const cli = path.join(root, 'dist/cli.js');
const work = path.join(os.tmpdir(), 'stack-lint-bench');
const concurrency = value('--concurrency', undefined);
// --only cold,corpus,compose,trees,huge,peers,shell,one: just those sections (one: a file of each kind against its peer) (the machine's speed drifts; a section can be taken again).
const only = value('--only', undefined)?.split(',');
const want = (section) => !only || only.includes(section);
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}

const commit = () => commitOf(root);

const ms = (n) => `${n.toFixed(0)} ms`;
const load = () => `load ${os.loadavg()[0].toFixed(2)}`;
/** CPU time first (what the figures are compared on), then wall time. */
const cw = (r) => `cpu ${ms(r.cpu)}, wall ${ms(r.wall)}`;

if (flag('--wait-idle')) {
  const until = Date.now() + 10 * 60_000;
  while (os.loadavg()[0] >= 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 5000));
}

/**
 * Runs a command `runs` times: medians of wall time and of CPU time (user +
 * system, from GNU time: on a loaded machine wall time measures the other
 * processes), and the peak RSS of the runs. Without GNU time, `cpu` is the wall time.
 */
function measure(cmd, argv, opts = {}) {
  const walls = [];
  const cpus = [];
  let rss = 0;
  for (let i = 0; i < (opts.runs ?? runs); i++) {
    const started = process.hrtime.bigint();
    const env = { ...process.env, ...opts.env };
    const child = time
      ? spawnSync(time, ['-f', '%U %S %M', cmd, ...argv], { cwd: opts.cwd, encoding: 'utf8', maxBuffer: 1 << 28, env })
      : spawnSync(cmd, argv, { cwd: opts.cwd, encoding: 'utf8', maxBuffer: 1 << 28, env });
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    walls.push(wall);
    if (child.status !== 0 && child.status !== 1 && !opts.anyExit) throw new Error(`${cmd} ${argv.join(' ')} exited ${child.status}: ${child.stderr.slice(-500)}`);
    const [user, system, rssKb] = time ? child.stderr.trim().split('\n').pop().split(' ').map(Number) : [];
    cpus.push(time ? (user + system) * 1000 : wall);
    rss = Math.max(rss, rssKb || 0);
  }
  return { wall: median(walls), min: Math.min(...walls), cpu: median(cpus), cpuMin: Math.min(...cpus), rssMb: rss / 1024 };
}
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function listFiles(dir, pred) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, pred));
    else if (pred(e.name, p)) out.push(p);
  }
  return out;
}

const isCompose = (n) => /^(docker-)?compose.*\.ya?ml$/.test(n);
const isDockerfile = (n) => /^Dockerfile/.test(n);
const isShell = (n, p) => n.endsWith('.sh') || (!n.includes('.') && readFileSync(p, 'utf8').startsWith('#!/') && /sh\b/.test(readFileSync(p, 'utf8').split('\n')[0]));

// Config lookup off, so that a config file above the benchmark's folders cannot change what runs; the corpus is also
// timed with the lookup users get by default (a search of every folder up to the repository root).
const stackLintArgs = (targets, extra = [], lookup = false) => [cli, '-f', 'json', ...(lookup ? [] : ['--no-config-lookup']), ...(concurrency ? ['--concurrency', concurrency] : []), ...extra, ...targets];
function stackLint(targets, extra = [], opts = {}) {
  return measure(process.execPath, stackLintArgs(targets, extra, opts.lookup), opts);
}

/** One more run with STACK_LINT_TIMING=1: the engine's phase table. */
function phases(targets) {
  const child = spawnSync(process.execPath, stackLintArgs(targets), { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, STACK_LINT_TIMING: '1' } });
  const table = child.stderr.split('\n').filter((l) => /^ {2}\S/.test(l));
  return table.map((l) => `    ${l.trim().replace(/\s{2,}/g, (s) => s)}`);
}

const lines = [];
const print = (s = '') => {
  console.log(s);
  lines.push(s);
};

print(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, stack-lint at ${commit()}`);
print(`${runs} runs each, medians (and the fastest run where noted); peak RSS is the largest of the runs`);
print();

// Cold start: the code cache (see src/cli/loader.ts) is written by the first run; "no code cache" turns it off.
const small = path.join(work, 'small');
mkdirSync(small, { recursive: true });
writeFileSync(path.join(small, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n');
writeFileSync(path.join(small, 'run.sh'), '#!/bin/sh\nset -eu\necho hi\n');
if (want('cold')) {
  const version = measure(process.execPath, [cli, '--version']);
  stackLint([path.join(small, 'compose.yaml')], [], { runs: 1 }); // writes the code cache when there is none
  const oneCompose = stackLint([path.join(small, 'compose.yaml')]);
  const oneScript = stackLint([path.join(small, 'run.sh')]);
  const noCache = stackLint([path.join(small, 'compose.yaml')], [], { env: { STACK_LINT_CODE_CACHE: '0' } });
  const bare = measure(process.execPath, ['-e', '0']);
  print(`cold start (${load()})`);
  print(`  node -e 0                     ${cw(bare)}`);
  print(`  --version                     ${cw(version)}`);
  print(`  one compose file              ${cw(oneCompose)}  (its folder's script is read too)`);
  print(`  one shell script              ${cw(oneScript)}`);
  print(`  one compose file, no cache    ${cw(noCache)}  (STACK_LINT_CODE_CACHE=0: the first run's cost)`);
  print();
}

// The shared corpus
const composeFiles = listFiles(corpus, isCompose);
const dockerfiles = listFiles(corpus, isDockerfile);
const scripts = listFiles(corpus, isShell);
const total = composeFiles.length + dockerfiles.length + scripts.length;
if (want('corpus')) {
  const whole = stackLint([corpus]);
  print(`shared corpus: ${total} files (${composeFiles.length} compose, ${dockerfiles.length} Dockerfiles, ${scripts.length} scripts) (${load()})`);
  print(`  run                           ${cw(whole)}  (${(total / (whole.cpu / 1000)).toFixed(0)} files per CPU second, peak ${whole.rssMb.toFixed(0)} MB)`);
  const looked = stackLint([corpus], [], { lookup: true });
  print(`  with config lookup (default)  ${cw(looked)}`);
  const cacheFile = path.join(work, 'corpus.cache');
  rmSync(cacheFile, { force: true });
  stackLint([corpus], ['--cache-location', cacheFile], { runs: 1 });
  const cached = stackLint([corpus], ['--cache-location', cacheFile]);
  print(`  cached rerun (unchanged)      ${cw(cached)}  (${((cached.cpu / whole.cpu) * 100).toFixed(0)}% of the first run's CPU)`);
  print('  phases (STACK_LINT_TIMING=1, one run)');
  for (const l of phases([corpus])) print(l);
  print();
}

// 200 and 1,000 copies of a medium compose file, each in a folder of its own
const medium = composeFiles.map((f) => [f, statSync(f).size]).sort((a, b) => a[1] - b[1])[Math.floor(composeFiles.length / 2)][0];
function composeCopies(count) {
  const dir = path.join(work, `compose-${count}`);
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    mkdirSync(path.join(dir, `p${i}`), { recursive: true });
    cpSync(medium, path.join(dir, `p${i}`, 'compose.yaml'));
  }
  return dir;
}
const many = composeCopies(200);
// Throughput once start-up is paid.
const many1000 = composeCopies(1000);
if (want('compose')) {
  const compose200 = stackLint([many]);
  print(`200 copies of a medium compose file (${path.relative(corpus, medium)}, ${statSync(medium).size} bytes) (${load()})`);
  print(`  run                           ${cw(compose200)}  (${(200 / (compose200.cpu / 1000)).toFixed(0)} files per CPU second, peak ${compose200.rssMb.toFixed(0)} MB)`);
  const compose1000 = stackLint([many1000]);
  const compose1000Lookup = stackLint([many1000], [], { lookup: true });
  print(`1,000 copies of the same file (${load()})`);
  print(`  run                           ${cw(compose1000)}  (${(1000 / (compose1000.cpu / 1000)).toFixed(0)} files per CPU second, peak ${compose1000.rssMb.toFixed(0)} MB)`);
  print(`  with config lookup (default)  ${cw(compose1000Lookup)}`);
  print();
}

// Generated trees: the corpus copied n times
function tree(name, copies) {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < copies; i++) cpSync(corpus, path.join(dir, `copy${i}`), { recursive: true });
  return dir;
}
if (!flag('--no-large') && want('trees')) {
  const sizes = flag('--sizes') ? [5, 13, 26] : [26];
  for (const copies of sizes) {
    const dir = tree(copies === 26 ? 'large' : `tree-${copies}`, copies);
    const r = stackLint([dir], [], { runs: copies === 26 ? Math.min(runs, 3) : runs });
    const n = total * copies;
    print(`generated tree: ${n} files (the corpus ${copies} times) (${load()})`);
    print(`  run                           ${cw(r)}  (${(n / (r.cpu / 1000)).toFixed(0)} files per CPU second, peak ${r.rssMb.toFixed(0)} MB)`);
    if (copies === 26) {
      print('  phases (STACK_LINT_TIMING=1, one run)');
      for (const l of phases([dir])) print(l);
    }
    print();
  }
}

// Single huge files: time must grow linearly with size (a 10 MB compose file or script in well under 10 s).
/** A generated file of about `mb` MB: `kind` compose (many services), script (many commands) or dockerfile (many RUNs). */
function hugeFile(kind, mb) {
  const dir = path.join(work, `huge-${kind}-${mb}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const size = mb * 2 ** 20;
  const parts = [];
  let length = 0;
  const add = (s) => {
    parts.push(s);
    length += s.length;
  };
  if (kind === 'compose') {
    add('services:\n');
    for (let i = 0; length < size; i++) add(`  svc${i}:\n    image: registry.example.com/team/service-${i}:1.0.${i}\n    restart: unless-stopped\n    environment:\n      - LEVEL=\${LEVEL:-info}\n`);
  } else if (kind === 'script') {
    add('#!/bin/sh\nset -eu\n');
    for (let i = 0; length < size; i++) add(`if [ -f "/etc/app/${i}.conf" ]; then cp "/etc/app/${i}.conf" /tmp/ && echo "copied $1"; fi\n`);
  } else {
    add('FROM alpine:3.20\n');
    for (let i = 0; length < size; i++) add(`RUN apk add --no-cache curl && echo "step ${i}" > /tmp/step\n`);
  }
  const name = kind === 'compose' ? 'compose.yaml' : kind === 'script' ? 'run.sh' : 'Dockerfile';
  writeFileSync(path.join(dir, name), parts.join(''));
  return dir;
}
if (!flag('--no-large') && want('huge')) {
  print(`single huge files (${load()})`);
  for (const kind of ['compose', 'script', 'dockerfile']) {
    const row = [];
    for (const mb of [1, 5, 10]) {
      const r = stackLint([hugeFile(kind, mb)], [], { runs: Math.min(runs, 3) });
      row.push(`${mb} MB cpu ${ms(r.cpu)} (wall ${ms(r.wall)}, peak ${r.rssMb.toFixed(0)} MB)`);
    }
    print(`  ${kind.padEnd(28)}  ${row.join(', ')}`);
  }
  print();
}

// Peers on the same files. `--only one` runs just the one-file-per-kind rows (a pre-commit hook's case), peers installed on first use.
const peersWanted = (flag('--peers') && want('peers')) || (only?.includes('one') ?? false);
if (peersWanted) {
  const peers = path.join(root, '.bench/peers');
  if (!existsSync(path.join(peers, 'node_modules/.bin/dclint')) || !existsSync(path.join(peers, 'node_modules/.bin/dockerfilelint'))) {
    mkdirSync(peers, { recursive: true });
    writeFileSync(path.join(peers, 'package.json'), '{"private":true}');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', 'dclint@3', 'dockerfilelint@1'], { cwd: peers, stdio: 'ignore' });
  }
  const bin = (name) => path.join(peers, 'node_modules/.bin', name);
  print(`peers on the same files, CPU time (stack-lint with all its rules for that kind; the two runs alternate, so both see the same machine) (${load()})`);
  const row = (label, ourTargets, peer, peerArgs, n = runs) => {
    const ours = [];
    const theirs = [];
    for (let i = 0; i < n; i++) {
      ours.push(stackLint(ourTargets, [], { runs: 1 }));
      theirs.push(measure(peer, peerArgs, { anyExit: true, runs: 1 }));
    }
    const a = median(ours.map((r) => r.cpu));
    const b = median(theirs.map((r) => r.cpu));
    const rss = (list) => Math.max(...list.map((r) => r.rssMb)).toFixed(0);
    const ratio = b >= a ? `${(b / a).toFixed(1)}× faster` : `${(a / b).toFixed(1)}× slower`;
    print(`  ${label.padEnd(40)} stack-lint cpu ${ms(a).padStart(8)} (peak ${rss(ours)} MB)   peer cpu ${ms(b).padStart(8)} (peak ${rss(theirs)} MB)   ${ratio}`);
  };
  const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0;
  // One file of each kind, as a pre-commit hook lints it: start-up included (the Dockerfile of 218 lines and script of 382).
  const lineCount = (f) => readFileSync(f, 'utf8').split('\n').length;
  const nearest = (files, lines) => files.map((f) => [f, Math.abs(lineCount(f) - lines)]).sort((x, y) => x[1] - y[1])[0][0];
  const oneDockerfile = nearest(dockerfiles, 218);
  const oneScript = nearest(scripts, 382);
  if (want('one') || want('peers')) {
    stackLint([medium], [], { runs: 1 }); // the code cache, written by the first run
    row(`dclint, one compose file (${lineCount(medium)} lines)`, [medium], bin('dclint'), [medium]);
    row(`dockerfilelint, one Dockerfile (${lineCount(oneDockerfile)} lines)`, [oneDockerfile], bin('dockerfilelint'), [oneDockerfile]);
    if (hasShellcheck) row(`shellcheck, one script (${lineCount(oneScript)} lines)`, [oneScript], 'shellcheck', ['-f', 'json1', oneScript]);
  }
  if (flag('--peers') && want('peers')) {
    // Named one by one, stack-lint also reads each file's stack for context (its Dockerfiles and scripts): more work than dclint's.
    row(`dclint, ${composeFiles.length} compose files`, composeFiles, bin('dclint'), composeFiles);
    row(`dclint, 200 compose files`, [many], bin('dclint'), [many, '-r'], Math.min(runs, 3));
    row(`dclint, 1,000 compose files`, [many1000], bin('dclint'), [many1000, '-r'], 1);
    row(`dockerfilelint, ${dockerfiles.length} Dockerfiles`, dockerfiles, bin('dockerfilelint'), dockerfiles);
    if (hasShellcheck) row(`shellcheck, ${scripts.length} scripts`, scripts, 'shellcheck', ['-f', 'json1', ...scripts]);
  }
  if (!hasShellcheck) print('  shellcheck not on PATH (apt-get install shellcheck): skipped');
  print();
}

// Shell scripts vs ShellCheck: every shell script of the corpus, the same list to both tools, in alternation
// (stack-lint, ShellCheck, stack-lint, …) so that both see the same machine; CPU time compared. stack-lint runs
// its default rules (its shell rules on these files; the ShellCheck bridge is off by default), ShellCheck its own
// checks (`-f json1`, its default severity). Also one script of about 380 lines, as a pre-commit hook lints it.
if (want('shell')) {
  const hasShellcheck = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' });
  if (hasShellcheck.status !== 0) print('shell scripts vs ShellCheck: shellcheck not on PATH (apt-get install shellcheck): skipped');
  else {
    const version = /version: (\S+)/.exec(hasShellcheck.stdout)?.[1] ?? '?';
    const lineCount = (f) => readFileSync(f, 'utf8').split('\n').length;
    const totalLines = scripts.reduce((n, f) => n + lineCount(f), 0);
    print(`shell scripts vs ShellCheck ${version}: CPU time, ${runs} pairs of runs in alternation (${load()})`);
    const pair = (label, files) => {
      const ours = [];
      const theirs = [];
      for (let i = 0; i < runs; i++) {
        ours.push(stackLint(files, [], { runs: 1 }));
        theirs.push(measure('shellcheck', ['-f', 'json1', ...files], { anyExit: true, runs: 1 }));
      }
      const a = median(ours.map((r) => r.cpu));
      const b = median(theirs.map((r) => r.cpu));
      const ratio = b >= a ? `${(b / a).toFixed(1)}× faster` : `${(a / b).toFixed(1)}× slower`;
      print(`  ${label.padEnd(36)} stack-lint cpu ${ms(a).padStart(8)} (min ${ms(Math.min(...ours.map((r) => r.cpu)))})   shellcheck cpu ${ms(b).padStart(8)} (min ${ms(Math.min(...theirs.map((r) => r.cpu)))})   ${ratio}`);
    };
    const one = scripts.map((f) => [f, Math.abs(lineCount(f) - 382)]).sort((x, y) => x[1] - y[1])[0][0];
    pair(`one script (${lineCount(one)} lines)`, [one]);
    pair(`${scripts.length} scripts (${totalLines} lines)`, scripts);
  }
  print();
}

const outFile = value('--out', undefined);
if (outFile) writeFileSync(outFile, `${lines.join('\n')}\n`);
