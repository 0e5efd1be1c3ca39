// Compares stack-lint's native shell rules with ShellCheck on the shell
// scripts of a folder (default ../shared/corpus, projects included) and
// prints, per ShellCheck code: ShellCheck's count, ours, both at the same
// line, and our extras (lines ShellCheck does not flag with that code).
// A script, not a test; it needs dist/ (npm run build).
//
//   node scripts/shellcheck-parity.mjs [folder] [--extras SC2066,…] [--misses SC2086,…]
//
// ShellCheck runs with `-f json1` and its default severity; it is installed
// from Debian's package when missing (root or sudo needed then). stack-lint
// runs with no config file, every native shell rule that declares a
// ShellCheck code turned on, and the ShellCheck bridge off.
//
// Attribution: a finding that names its code (`compat`) counts for that code;
// any other finding of ours counts for the code of its rule that
// ShellCheck reported at the same line, when there is one; otherwise it is an
// extra of the rule's first declared code. Only findings in shell scripts
// count (not RUN bodies in Dockerfiles, which ShellCheck does not read).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const extrasAt = args.indexOf('--extras');
const showExtras = extrasAt >= 0 ? new Set(args.splice(extrasAt, 2)[1].split(',')) : new Set();
const missesAt = args.indexOf('--misses');
const showMisses = missesAt >= 0 ? new Set(args.splice(missesAt, 2)[1].split(',')) : new Set();
const folder = path.resolve(args[0] ?? path.join(root, '../shared/corpus'));

ensureShellCheck();
const { run, allRuleMetas } = await import(path.join(root, 'dist/index.js'));

const rules = allRuleMetas().filter((m) => m.kind === 'shell' && m.id !== 'shell/shellcheck' && m.compat?.shellcheck?.length);
const codesOf = new Map(rules.map((m) => [m.id, m.compat.shellcheck]));
const result = await run({
  cwd: folder,
  patterns: ['.'],
  noConfigLookup: true,
  cliRules: [...rules.map((m) => `${m.id}: warning`), 'shell/shellcheck: off'],
  concurrency: 1,
});
const scripts = result.files.filter((f) => f.kind === 'shell').map((f) => f.path);
const scriptSet = new Set(scripts);

/** `file:line` → codes ShellCheck reported there. */
const theirs = new Map();
const count = (map, code) => map.set(code, (map.get(code) ?? 0) + 1);
const theirCount = new Map();
for (let i = 0; i < scripts.length; i += 50) {
  const batch = scripts.slice(i, i + 50);
  const out = spawnSync('shellcheck', ['-f', 'json1', ...batch], { encoding: 'utf8', maxBuffer: 1 << 28 });
  for (const c of JSON.parse(out.stdout || '{"comments":[]}').comments) {
    const code = `SC${c.code}`;
    const key = `${path.resolve(c.file)}:${c.line}`;
    if (!theirs.has(key)) theirs.set(key, new Set());
    if (theirs.get(key).has(code)) continue; // one per code and line, as ours are compared
    theirs.get(key).add(code);
    count(theirCount, code);
  }
}

const ourCount = new Map();
const both = new Map();
const extras = new Map();
const extraLines = [];
const seen = new Set();
for (const d of result.diagnostics) {
  const codes = codesOf.get(d.ruleId);
  if (!codes || d.suppressed || !scriptSet.has(d.file)) continue;
  const key = `${d.file}:${d.range.start.line}`;
  const there = theirs.get(key) ?? new Set();
  const code = d.compat && codes.includes(d.compat) ? d.compat : (codes.find((c) => there.has(c)) ?? codes[0]);
  if (seen.has(`${key}:${code}`)) continue;
  seen.add(`${key}:${code}`);
  count(ourCount, code);
  if (there.has(code)) count(both, code);
  else {
    count(extras, code);
    if (showExtras.has(code)) extraLines.push(`${code} ${d.relPath}:${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.message}`);
  }
}

const codes = [...new Set([...theirCount.keys(), ...ourCount.keys()])].sort(
  (a, b) => (theirCount.get(b) ?? 0) - (theirCount.get(a) ?? 0) || a.localeCompare(b),
);
const pct = (n, d) => (d ? `${Math.round((100 * n) / d)}%` : '-');
console.log(`${scripts.length} shell scripts under ${path.relative(root, folder) || '.'}`);
console.log('| code | ShellCheck | ours | same line | found | extras | rule |');
console.log('|---|---:|---:|---:|---:|---:|---|');
let sum = { t: 0, o: 0, b: 0, e: 0 };
for (const code of codes) {
  const t = theirCount.get(code) ?? 0;
  const o = ourCount.get(code) ?? 0;
  const b = both.get(code) ?? 0;
  const e = extras.get(code) ?? 0;
  sum = { t: sum.t + t, o: sum.o + o, b: sum.b + b, e: sum.e + e };
  const rule = rules.filter((m) => m.compat.shellcheck.includes(code)).map((m) => m.id).join(', ');
  console.log(`| ${code} | ${t} | ${o} | ${b} | ${pct(b, t)} | ${e} | ${rule} |`);
}
console.log(`| all | ${sum.t} | ${sum.o} | ${sum.b} | ${pct(sum.b, sum.t)} | ${sum.e} | |`);
if (extraLines.length) console.log(`\n${extraLines.join('\n')}`);
const missLines = [];
for (const [key, codes] of theirs) {
  for (const code of codes) if (showMisses.has(code) && !seen.has(`${key}:${code}`)) missLines.push(`missed ${code} ${path.relative(folder, key)}`);
}
if (missLines.length) console.log(`\n${missLines.join('\n')}`);

function ensureShellCheck() {
  if (spawnSync('shellcheck', ['--version']).status === 0) return;
  console.error('shellcheck not found: installing Debian\'s package');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const install = (argv) => spawnSync(sudo[0] ?? argv[0], sudo.length ? argv : argv.slice(1), { stdio: 'inherit' }).status === 0;
  if (!install(['apt-get', 'install', '-y', 'shellcheck'])) {
    install(['apt-get', 'update']);
    if (!install(['apt-get', 'install', '-y', 'shellcheck'])) {
      console.error('could not install shellcheck');
      process.exit(2);
    }
  }
}
