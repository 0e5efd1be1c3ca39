// Compares stack-lint's native shell rules with ShellCheck on the shell of a
// folder (default ../shared/corpus, projects included), in three places:
// shell scripts, Dockerfile RUN bodies (shell form, with the stage's SHELL;
// exec form has no shell), and compose shell strings (`["sh", "-c", …]`,
// `sh -c "…"`, CMD-SHELL and string healthchecks). Prints per ShellCheck
// code, for each place and combined: ShellCheck's count, ours, both at the
// same line, and our extras (lines ShellCheck does not flag with that code).
// A script, not a test; it needs dist/ (npm run build).
//
//   node scripts/shellcheck-parity.mjs [folder] [--extras SC2066,…] [--misses SC2086,…]
//
// ShellCheck runs with `-f json1` and its default severity; it is installed
// from Debian's package when missing (root or sudo needed then). stack-lint
// runs with every native shell rule that declares a ShellCheck code turned
// on, and the ShellCheck bridge off.
//
// RUN bodies and compose strings: ShellCheck cannot read a Dockerfile or a
// compose file, so each body is handed to it as a file of its own, extracted
// by stack-lint's own parse (a recording rule, loaded as a pack, sees every
// text the shell rules see): a RUN body with its comment lines and line
// continuations as Docker leaves them, line for line as in the Dockerfile,
// each heredoc body on its own; a compose string as the shell sees it
// (`$$` as `$`, compose's own `${VAR}` as a placeholder). `--shell` is the
// dialect stack-lint gives the body (the stage's SHELL, sh for CMD-SHELL,
// bash for `bash -c`). ShellCheck's line (and column) in the body is mapped
// back to the file's line.
//
// Attribution: a finding that names its code (`compat`) counts for that code;
// any other finding of ours counts for the code of its rule that ShellCheck
// reported at the same line, when there is one; otherwise it is an extra of
// the rule's first declared code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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

// A pack with one rule that records the RUN bodies and compose strings the shell rules read.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shellcheck-parity-'));
globalThis.__shellcheckParity = [];
fs.writeFileSync(
  path.join(work, 'recorder.mjs'),
  `export default {
  meta: { name: 'shellcheck-parity-recorder', namespace: 'parity' },
  rules: [{
    meta: { id: 'parity/embedded', kind: 'shell', category: 'parity', severity: 'info', fix: 'none', summary: 'records embedded shell', runBodies: true },
    check(ctx) {
      const c = ctx.composeScript;
      if (!ctx.run && !c) return;
      globalThis.__shellcheckParity.push({
        place: ctx.run ? 'run' : 'compose',
        file: ctx.run ? ctx.run.dockerfile.file.path : c.compose.file.path,
        fileText: ctx.run ? ctx.run.dockerfile.file.text : c.compose.file.text,
        text: ctx.shell.text,
        base: ctx.shell.baseOffset,
        dialect: ctx.shell.dialect,
        offsets: c ? c.string.script.offsets : undefined,
        exact: c ? c.string.exact : true,
      });
    },
  }],
};\n`,
);
fs.writeFileSync(path.join(work, 'config.yaml'), 'plugins:\n  - ./recorder.mjs\n');

const rules = allRuleMetas().filter((m) => m.kind === 'shell' && m.id !== 'shell/shellcheck' && m.compat?.shellcheck?.length);
const codesOf = new Map(rules.map((m) => [m.id, m.compat.shellcheck]));
const result = await run({
  cwd: folder,
  patterns: ['.'],
  configFile: path.join(work, 'config.yaml'),
  cliRules: [...rules.map((m) => `${m.id}: warning`), 'shell/shellcheck: off', 'parity/embedded: info'],
  concurrency: 1,
});
const scripts = result.files.filter((f) => f.kind === 'shell').map((f) => f.path);
const placeOfKind = { shell: 'scripts', dockerfile: 'run', compose: 'compose' };
const placeOfFile = new Map(result.files.map((f) => [f.path, placeOfKind[f.kind]]));

/** `place` → `file:line` → codes ShellCheck reported there. */
const theirs = { scripts: new Map(), run: new Map(), compose: new Map() };
const note = (place, file, line, code) => {
  const key = `${file}:${line}`;
  const map = theirs[place];
  if (!map.has(key)) map.set(key, new Set());
  map.get(key).add(code);
};
for (let i = 0; i < scripts.length; i += 50) {
  const out = spawnSync('shellcheck', ['-f', 'json1', ...scripts.slice(i, i + 50)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  for (const c of JSON.parse(out.stdout || '{"comments":[]}').comments) note('scripts', path.resolve(c.file), c.line, `SC${c.code}`);
}

// The embedded bodies, one file each, checked by dialect.
const bodies = globalThis.__shellcheckParity;
const counts = { run: new Set(), compose: new Set() };
const SHELLCHECK_DIALECTS = { sh: 'sh', bash: 'bash', dash: 'dash', ksh: 'ksh', ash: 'sh', busybox: 'sh', unknown: 'bash' };
const byDialect = new Map();
bodies.forEach((b, i) => {
  const dialect = SHELLCHECK_DIALECTS[b.dialect];
  if (!dialect) return;
  const file = path.join(work, `body-${i}.sh`);
  fs.writeFileSync(file, b.text);
  b.path = file;
  counts[b.place].add(b.file);
  if (!byDialect.has(dialect)) byDialect.set(dialect, []);
  byDialect.get(dialect).push(b);
});
const bodyOf = new Map(bodies.filter((b) => b.path).map((b) => [b.path, b]));
for (const [dialect, list] of byDialect) {
  for (let i = 0; i < list.length; i += 50) {
    const batch = list.slice(i, i + 50).map((b) => b.path);
    const out = spawnSync('shellcheck', ['-f', 'json1', `--shell=${dialect}`, ...batch], { encoding: 'utf8', maxBuffer: 1 << 28 });
    for (const c of JSON.parse(out.stdout || '{"comments":[]}').comments) {
      const b = bodyOf.get(path.resolve(c.file));
      if (b) note(b.place, b.file, fileLine(b, c.line, c.column), `SC${c.code}`);
    }
  }
}
fs.rmSync(work, { recursive: true, force: true });

/** The file line of a body's line (and column, which decides in a folded compose string). */
function fileLine(b, line, column) {
  const starts = [0];
  for (let i = 0; i < b.text.length; i++) if (b.text[i] === '\n') starts.push(i + 1);
  // ShellCheck counts a tab to the next multiple of 8 columns; stay on the line
  const lineStart = starts[line - 1] ?? 0;
  const lineEnd = (starts[line] ?? b.text.length + 1) - 1;
  let index = lineStart;
  for (let col = 1; index < lineEnd && col < column; index++) col += b.text[index] === '\t' ? 8 - ((col - 1) % 8) : 1;
  const offset = b.offsets ? b.offsets[index] : b.base + index;
  let n = 1;
  for (let i = 0; i < offset && i < b.fileText.length; i++) if (b.fileText[i] === '\n') n++;
  return n;
}

/** Counts per code for one place (or all): ShellCheck's, ours, both, extras. */
function compare(places) {
  const theirCount = new Map();
  const there = new Map();
  for (const place of places) {
    for (const [key, codes] of theirs[place]) {
      there.set(key, codes);
      for (const code of codes) theirCount.set(code, (theirCount.get(code) ?? 0) + 1);
    }
  }
  const ours = new Map();
  const both = new Map();
  const extras = new Map();
  const extraLines = [];
  const seen = new Set();
  const count = (map, code) => map.set(code, (map.get(code) ?? 0) + 1);
  for (const d of result.diagnostics) {
    const codes = codesOf.get(d.ruleId);
    if (!codes || d.suppressed || !places.includes(placeOfFile.get(d.file))) continue;
    const key = `${d.file}:${d.range.start.line}`;
    const at = there.get(key) ?? new Set();
    const code = d.compat && codes.includes(d.compat) ? d.compat : (codes.find((c) => at.has(c)) ?? codes[0]);
    if (seen.has(`${key}:${code}`)) continue;
    seen.add(`${key}:${code}`);
    count(ours, code);
    if (at.has(code)) count(both, code);
    else {
      count(extras, code);
      if (showExtras.has(code)) extraLines.push(`${code} ${d.relPath}:${d.range.start.line}:${d.range.start.column} ${d.ruleId} ${d.message}`);
    }
  }
  const misses = [];
  for (const [key, codes] of there) for (const code of codes) if (showMisses.has(code) && !seen.has(`${key}:${code}`)) misses.push(`missed ${code} ${path.relative(folder, key)}`);
  return { theirCount, ours, both, extras, extraLines, misses };
}

const pct = (n, d) => (d ? `${Math.round((100 * n) / d)}%` : '-');
function table(title, places, details = true) {
  const { theirCount, ours, both, extras, extraLines, misses } = compare(places);
  const codes = [...new Set([...theirCount.keys(), ...ours.keys()])].sort(
    (a, b) => (theirCount.get(b) ?? 0) - (theirCount.get(a) ?? 0) || a.localeCompare(b),
  );
  console.log(`\n## ${title}\n`);
  console.log('| code | ShellCheck | ours | same line | found | extras | rule |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  let sum = { t: 0, o: 0, b: 0, e: 0 };
  for (const code of codes) {
    const t = theirCount.get(code) ?? 0;
    const o = ours.get(code) ?? 0;
    const b = both.get(code) ?? 0;
    const e = extras.get(code) ?? 0;
    sum = { t: sum.t + t, o: sum.o + o, b: sum.b + b, e: sum.e + e };
    const rule = rules.filter((m) => m.compat.shellcheck.includes(code)).map((m) => m.id).join(', ');
    console.log(`| ${code} | ${t} | ${o} | ${b} | ${pct(b, t)} | ${e} | ${rule} |`);
  }
  console.log(`| all | ${sum.t} | ${sum.o} | ${sum.b} | ${pct(sum.b, sum.t)} | ${sum.e} | |`);
  if (details && extraLines.length) console.log(`\n${extraLines.join('\n')}`);
  if (details && misses.length) console.log(`\n${misses.join('\n')}`);
}

const bodyCount = (place) => bodies.filter((b) => b.place === place && b.path).length;
const where = path.relative(root, folder) || '.';
console.log(`${scripts.length} shell scripts, ${bodyCount('run')} RUN bodies in ${counts.run.size} Dockerfiles, ${bodyCount('compose')} shell strings in ${counts.compose.size} compose files, under ${where}`);
table('Shell scripts', ['scripts']);
table('RUN bodies', ['run']);
table('Compose shell strings', ['compose']);
table('All', ['scripts', 'run', 'compose'], false);

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
