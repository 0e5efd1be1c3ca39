// Times shell commands in alternation (A, B, A, B…) and prints, for each, the
// median and fastest wall time, CPU time (user + system) and peak RSS. On a
// machine whose speed drifts (a shared host), two builds are only comparable
// when their runs are interleaved like this. A script, not a test.
//
//   node scripts/compare.mjs [--runs 10] "<command A>" "<command B>" …
//
// e.g. the build in dist/ against one kept aside, on the corpus:
//   node scripts/compare.mjs --runs 12 \
//     "node /tmp/old-dist/cli.js -f json --no-config-lookup ../shared/corpus" \
//     "node dist/cli.js -f json --no-config-lookup ../shared/corpus"
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args.splice(at, 2)[1]) : 10;
const commands = args;
if (!commands.length || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node scripts/compare.mjs [--runs n] "<command>" ["<command>" …]');
  process.exit(2);
}
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
if (!time) console.error('GNU time is not installed: CPU time and RSS are not measured');

const results = commands.map(() => ({ wall: [], cpu: [], rss: [] }));
// One run of each first, not counted: caches (the code cache, the page cache) are then warm for all.
for (let i = 0; i <= runs; i++) {
  for (const [j, command] of commands.entries()) {
    const started = process.hrtime.bigint();
    const child = time
      ? spawnSync(time, ['-f', '%U %S %M', '/bin/sh', '-c', `${command} > /dev/null`], { encoding: 'utf8' })
      : spawnSync('/bin/sh', ['-c', `${command} > /dev/null`], { encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    if (i === 0) continue;
    results[j].wall.push(wall);
    if (time) {
      const [user, system, rssKb] = child.stderr.trim().split('\n').pop().split(' ').map(Number);
      results[j].cpu.push((user + system) * 1000);
      results[j].rss.push(rssKb / 1024);
    }
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n) => `${n.toFixed(0).padStart(6)} ms`;
console.log(`${runs} runs each, in alternation`);
for (const [j, command] of commands.entries()) {
  const r = results[j];
  const cpu = r.cpu.length ? `  cpu ${ms(median(r.cpu))}  peak ${Math.max(...r.rss).toFixed(0).padStart(4)} MB` : '';
  console.log(`wall ${ms(median(r.wall))} (fastest ${ms(Math.min(...r.wall))})${cpu}  ${command}`);
}
