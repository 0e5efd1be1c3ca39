/**
 * The ShellCheck bridge (`shell/shellcheck`): runs an installed `shellcheck`
 * binary over every script and every Dockerfile `RUN` body of a lint run, in
 * a few batched processes, before the rules run, and turns its findings into
 * diagnostics with rule ids `shellcheck/SC<code>` at their exact place in the
 * original file. Rules stay pure; this is engine work, hooked into lint.ts.
 *
 * How positions stay exact:
 * - Scripts are written to temporary files unchanged (the text that was
 *   linted, which may come from stdin or a fix pass), so ShellCheck's lines
 *   are the file's lines.
 * - A `RUN` body is written as the whole Dockerfile with every character
 *   outside the body replaced by a space (line breaks kept), and the body as
 *   the shell parser saw it (comment lines in continuations already blanked,
 *   same length). ShellCheck's line and column in that file are the
 *   Dockerfile's line and column, so nothing has to be shifted; findings
 *   outside the body cannot happen but are dropped anyway.
 * - The `ARG`/`ENV` names the stage declares before the `RUN` are exported on
 *   line 1 (`export NAME …`), a line that is always outside the body (a
 *   `RUN` cannot start a Dockerfile), so SC2154 ("referenced but not
 *   assigned") does not fire on them and no line moves.
 * - `-f json1` counts a tab as one column (`-f json` counts 8) and columns in
 *   characters (code points); they are converted to UTF-16 offsets, the unit of
 *   our location model.
 *
 * Batching: jobs are grouped by ShellCheck options (dialect `--shell`,
 * `--severity`, `--exclude`, `--enable`); identical texts within a group are
 * written and checked once; each group is checked by one process per 200
 * files; processes run in parallel (up to the number of CPUs).
 *
 * Findings a built-in rule already makes are not repeated: the SC codes in
 * `meta.compat.shellcheck` of every rule that is on for the file (and, for a
 * `RUN` body, checks bodies) are passed to `--exclude`, and so are those of a
 * `recommended` rule the config turned off. A rule outside `recommended` that
 * is off leaves its codes to ShellCheck.
 */
import { execFile } from 'node:child_process';
import { constants as fsConstants, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { confirmShellSyntaxError, type ParsedFile } from '../stack/parse-files.js';
import type { BridgeRun } from './types.js';
import type { ProjectRoot } from '../core/project-root.js';
import type { Diagnostic, Severity, SeveritySetting } from '../core/diagnostic.js';
import { shellcheckMeta } from '../core/shellcheck-family.js';
import { toDiagnostic } from './report.js';
import type { AnyRule, RuleMeta } from '../core/rule.js';
import type { DfInstruction, DfStage, DockerfileDocument } from '../parse/dockerfile/types.js';
import type { ShellDialect, ShellDocument } from '../parse/shell/types.js';
import type { SourceFile } from '../core/source.js';

/** Files per ShellCheck process. */
const BATCH = 200;

interface BridgeOptions {
  minLevel: 'error' | 'warning' | 'info' | 'style';
  exclude: string[];
  enable: string[];
  dockerfiles: boolean;
}

interface Job {
  file: SourceFile;
  /** What ShellCheck reads. */
  text: string;
  shell: string;
  /** Offsets in the file that findings must fall in. */
  start: number;
  end: number;
  cap: Severity;
  options: BridgeOptions;
  ruleSettings: (id: string) => SeveritySetting | undefined;
  /** ShellCheck codes (digits only) that a built-in rule switched on for this file reports itself: left out of ShellCheck's run. */
  claimed: ReadonlySet<string>;
  /** The parsed script, to tell whether `shell/syntax` already reports it as broken. */
  doc: ShellDocument;
  /** Set when our own syntax check confirmed an error: ShellCheck's parse errors would repeat `shell/syntax`. */
  broken?: boolean;
}

export interface ShellcheckResult {
  /** Diagnostics per absolute file path (including the one missing-binary warning). */
  byFile: Map<string, Diagnostic[]>;
  /** Metadata of the rule ids used, for the run's rule list (SARIF). */
  metas: RuleMeta[];
}

interface Json1Comment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: 'error' | 'warning' | 'info' | 'style';
  code: number;
  message: string;
  fix?: { replacements: { line: number; column: number; endLine: number; endColumn: number; replacement: string }[] } | null;
}

const LEVEL_SEVERITY: Record<Json1Comment['level'], Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Runs ShellCheck where its rule (`args.rule`, `shell/shellcheck`) is enabled. Cheap when it is enabled nowhere.
 * With `untrusted`, a shellcheck program inside that project (its `node_modules/.bin`, which npx puts on PATH) is not run.
 */
export async function runShellcheck(args: BridgeRun): Promise<ShellcheckResult> {
  const result: ShellcheckResult = { byFile: new Map(), metas: [] };
  const candidates = args.parsed.filter((p) => (p.kind === 'shell' || p.kind === 'dockerfile') && p.doc && (!args.reportOn || args.reportOn.has(p.source.path)));
  const jobs: Job[] = [];
  let firstFile: SourceFile | undefined;
  let ruleMeta: RuleMeta | undefined;
  for (const p of candidates) {
    const config = await args.config.forFile(p.source.path, p.source.kind);
    const setting = config.rules.get(args.rule.meta.id);
    if (!setting || setting.severity === 'off') continue;
    ruleMeta ??= args.rule.meta;
    const options = readOptions(setting.options);
    const ruleSettings = (id: string) => config.rules.get(id)?.severity;
    const claimedBy = (runBodies: boolean) => claimedCodes(args.rules, ruleSettings, runBodies);
    if (p.kind === 'shell' && p.doc) {
      const base = { cap: setting.severity, options, ruleSettings, claimed: claimedBy(false) };
      const rcShell = config.peer?.shell;
      const job = scriptJob(p.doc, base, rcShell);
      if (job) jobs.push(job);
      firstFile ??= p.source;
    } else if (p.kind === 'dockerfile' && p.doc && options.dockerfiles) {
      const runJobs = dockerfileJobs(p.doc, { cap: setting.severity, options, ruleSettings, claimed: claimedBy(true) });
      jobs.push(...runJobs);
      if (runJobs.length) firstFile ??= p.source;
    }
  }
  if (!firstFile) return result;

  const add = (d: Diagnostic) => {
    const list = result.byFile.get(d.file) ?? [];
    list.push(d);
    result.byFile.set(d.file, list);
  };
  const warn = (message: string) => {
    const meta = ruleMeta ?? shellcheckMeta('0000');
    add(toDiagnostic(meta, 'warning', { range: { start: 0, end: 0 }, message }, firstFile!));
    if (ruleMeta) result.metas.push(ruleMeta);
  };

  const binary = await findShellcheck(args.untrusted);
  if (!binary) {
    warn(
      args.untrusted
        ? 'shell/shellcheck is enabled, but no shellcheck program is on PATH outside the project (one inside it is code of the checkout, which --no-code-config does not run), so ShellCheck did not run; install it (apt-get install shellcheck, brew install shellcheck, …) or turn the rule off'
        : 'shell/shellcheck is enabled, but no shellcheck program is on PATH, so ShellCheck did not run; install it (apt-get install shellcheck, brew install shellcheck, …) or turn the rule off',
    );
    return result;
  }
  if (jobs.length === 0) return result;
  const version = await shellcheckVersion(binary);
  for (const job of jobs) if (job.doc.hasErrors) job.broken = (await confirmShellSyntaxError(job.doc)) !== undefined;

  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'stack-lint-shellcheck-'));
  const metas = new Map<string, RuleMeta>();
  const failures: string[] = [];
  try {
    // one temporary file per distinct (options, text): copies of a script (vendored, per-version folders) are checked once
    const groups = new Map<string, { argv: string[]; files: Map<string, { name: string; jobs: Job[] }> }>();
    let n = 0;
    for (const job of jobs) {
      const shell = job.shell === 'busybox' && !atLeast(version, [0, 10]) ? 'dash' : job.shell;
      const exclude = [...new Set([...job.claimed, ...job.options.exclude.map((c) => c.replace(/^SC/i, ''))])].sort();
      const argv = ['-f', 'json1', '--norc', `--shell=${shell}`, `--severity=${job.options.minLevel}`];
      if (exclude.length) argv.push(`--exclude=${exclude.join(',')}`);
      if (job.options.enable.length) argv.push(`--enable=${job.options.enable.join(',')}`);
      const key = argv.join('\0');
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { argv, files: new Map() }));
      let f = g.files.get(job.text);
      if (!f) {
        f = { name: path.join(tmp, `${n++}.sh`), jobs: [] };
        g.files.set(job.text, f);
        await fs.writeFile(f.name, job.text);
      }
      f.jobs.push(job);
    }
    const byTemp = new Map<string, Job[]>();
    const batches: { argv: string[]; files: string[] }[] = [];
    for (const g of groups.values()) {
      const files = [...g.files.values()];
      for (const f of files) byTemp.set(f.name, f.jobs);
      for (let i = 0; i < files.length; i += BATCH) batches.push({ argv: g.argv, files: files.slice(i, i + BATCH).map((f) => f.name) });
    }
    const outputs = await mapLimit(batches, Math.max(1, os.availableParallelism?.() ?? 4), (b) => runBatch(binary, b.argv, b.files));
    for (const out of outputs) {
      if ('error' in out) {
        failures.push(out.error);
        continue;
      }
      for (const c of out.comments) {
        for (const job of byTemp.get(c.file) ?? byTemp.get(path.resolve(c.file)) ?? []) {
          const d = toFinding(job, c, metas);
          if (d) add(d);
        }
      }
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  result.metas.push(...metas.values());
  if (failures.length) warn(`ShellCheck failed, so some files were not checked: ${failures[0]}`);
  return result;
}

function readOptions(raw: Record<string, unknown>): BridgeOptions {
  return {
    minLevel: (raw.minLevel as BridgeOptions['minLevel']) ?? 'style',
    exclude: (raw.exclude as string[]) ?? [],
    enable: (raw.enable as string[]) ?? [],
    dockerfiles: (raw.dockerfiles as boolean) ?? true,
  };
}

type JobBase = Pick<Job, 'cap' | 'options' | 'ruleSettings' | 'claimed'>;

/**
 * The ShellCheck codes that built-in rules answer for in this file (for `RUN` bodies, only rules that check them):
 * a rule that is on reports them itself, once; a rule of `recommended` that is off was turned off, which silences
 * them. A rule outside `recommended` that is off (its default) leaves its codes to ShellCheck.
 */
function claimedCodes(rules: readonly AnyRule[], severityOf: (id: string) => SeveritySetting | undefined, runBodies: boolean): Set<string> {
  const claimed = new Set<string>();
  for (const r of rules) {
    if (r.meta.bridge || !r.meta.compat?.shellcheck?.length) continue;
    if (runBodies && !r.meta.runBodies) continue;
    // a rule of `recommended` that is off was turned off by the user, which silences its codes; one outside it is off by default
    const severity = severityOf(r.meta.id);
    if ((!severity || severity === 'off') && r.meta.recommended === false) continue;
    for (const code of r.meta.compat.shellcheck) claimed.add(code.replace(/^SC/i, ''));
  }
  return claimed;
}

/** ShellCheck's `--shell` for a dialect; undefined when ShellCheck cannot check it. */
function shellcheckShell(dialect: ShellDialect): string | undefined {
  switch (dialect) {
    case 'bash':
    case 'sh':
    case 'dash':
    case 'ksh':
      return dialect;
    case 'ash':
    case 'busybox':
      return 'busybox';
    case 'unknown':
      return 'bash'; // as lenient as our own rules are with a script of no stated dialect
    default:
      return undefined; // zsh
  }
}

/** `rcShell`: `.shellcheckrc`'s `shell=`, which ShellCheck uses for a script without a shebang. */
function scriptJob(doc: ShellDocument, base: JobBase, rcShell?: string): Job | undefined {
  // a script whose shebang names no shell (python, node…) is not ShellCheck's
  if (doc.shebang && doc.dialect === 'unknown') return undefined;
  const shell = !doc.shebang && rcShell ? rcShell : shellcheckShell(doc.dialect);
  if (!shell) return undefined;
  return { ...base, doc, file: doc.file, text: doc.text, shell, start: doc.baseOffset, end: doc.baseOffset + doc.text.length };
}

function dockerfileJobs(doc: DockerfileDocument, base: JobBase): Job[] {
  const out: Job[] = [];
  const fileText = doc.file.text;
  for (const ins of doc.instructions) {
    const run = ins.trigger ?? ins;
    for (const script of run.scripts) {
      const shell = shellcheckShell(script.dialect);
      if (!shell) continue;
      const start = script.baseOffset;
      const end = start + script.text.length;
      // a heredoc's own `#!` line is not on line 1 of what ShellCheck reads; its dialect is passed with --shell
      const body = script.shebang ? ' '.repeat(script.shebang.end - script.shebang.start) + script.text.slice(script.shebang.end - start) : script.text;
      let text = blank(fileText.slice(0, start)) + body + blank(fileText.slice(end));
      const names = exportedNames(run);
      const firstBreak = text.indexOf('\n');
      if (names.length && firstBreak >= 0 && firstBreak < start) text = `export ${names.join(' ')}${text.slice(firstBreak)}`;
      out.push({ ...base, doc: script, file: doc.file, text, shell, start, end });
    }
  }
  return out;
}

/** Every character a space, line breaks kept. */
function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

/** `ARG` and `ENV` names of the stage (and `ENV`s inherited from the stages it is built on) before `run`. */
function exportedNames(run: DfInstruction): string[] {
  const names = new Set<string>();
  const stages: DfStage[] = [];
  for (let s = run.stage; s && !stages.includes(s); s = s.parent) stages.unshift(s);
  for (const s of stages) {
    for (const ins of s.instructions) {
      if (s === run.stage && ins.start >= run.start) break;
      if (ins.keyword !== 'ENV' && !(ins.keyword === 'ARG' && s === run.stage)) continue;
      const ast = ins.ast as unknown as { getProperties?: () => { getName(): string }[] };
      for (const p of ast.getProperties?.() ?? []) names.add(p.getName());
    }
  }
  return [...names].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)).sort();
}

function toFinding(job: Job, c: Json1Comment, metas: Map<string, RuleMeta>): Diagnostic | undefined {
  const code = String(c.code).padStart(4, '0');
  // SC1xxx errors are ShellCheck's parse errors: shell/syntax reports a script that does not parse
  if (job.broken && c.level === 'error' && c.code < 2000) return undefined;
  const id = `shellcheck/SC${code}`;
  const at = (line: number, column: number) => fileOffset(job, line, column);
  const start = at(c.line, c.column);
  const end = Math.max(start, at(c.endLine, c.endColumn));
  if (start < job.start || start > job.end) return undefined;
  let severity: Severity = LEVEL_SEVERITY[c.level] ?? 'warning';
  const own = job.ruleSettings(id);
  if (own === 'off') return undefined;
  if (own) severity = own;
  else if (RANK[severity] > RANK[job.cap]) severity = job.cap;
  let meta = metas.get(id);
  if (!meta) metas.set(id, (meta = shellcheckMeta(code, LEVEL_SEVERITY[c.level] ?? 'warning')));
  const suggestions = [];
  const edits = (c.fix?.replacements ?? []).map((r) => ({
    start: at(r.line, r.column),
    end: at(r.endLine, r.endColumn),
    text: r.replacement,
  }));
  if (edits.length && edits.every((e) => e.start >= job.start && e.end <= job.end && e.start <= e.end)) {
    suggestions.push({ description: `ShellCheck's suggested change for SC${code}`, edits });
  }
  return toDiagnostic(meta, severity, { range: { start, end }, message: ownStyle(c.message), ...(suggestions.length ? { suggestions } : {}) }, job.file);
}

/** Our message style: lower-case start (unless the first word is a name), no trailing period. */
function ownStyle(message: string): string {
  const m = message.trim().replace(/\.$/, '');
  return /^[A-Z][a-z]+\b/.test(m) && !/^[A-Z][a-z]+[A-Z]/.test(m) ? m[0]!.toLowerCase() + m.slice(1) : m;
}

/**
 * The file offset of ShellCheck's line and column in a job: the column is
 * counted on the text ShellCheck read (line 1 of a RUN job is the `export`
 * prelude, so offsets in the two texts differ; lines do not).
 */
function fileOffset(job: Job, line: number, column: number): number {
  const delta = offsetOf(job.text, line, column) - lineStart(job.text, line);
  return Math.min(lineStart(job.file.text, line) + delta, job.file.text.length);
}

/** Offset where a 1-based line starts (lines end at `\n`, as ShellCheck counts them). */
function lineStart(text: string, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return offset;
}

/** UTF-16 offset of a 1-based line and 1-based column counted in code points (tabs count 1). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = lineStart(text, line);
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  for (let col = 1; col < column && offset < lineEnd; col++) {
    const cp = text.codePointAt(offset)!;
    offset += cp > 0xffff ? 2 : 1;
  }
  return offset;
}

// ---------------------------------------------------------------------------
// The process

let found: Promise<string | undefined> | undefined;
let foundFor: string | undefined;

/**
 * The `shellcheck` executable on PATH (looked up once per PATH value and
 * project). With `untrusted` (`--no-code-config`), folders of PATH inside
 * that project, and relative ones, are passed over.
 */
export function findShellcheck(untrusted?: ProjectRoot): Promise<string | undefined> {
  const pathVar = process.env.PATH ?? '';
  const key = `${pathVar}\u0000${untrusted?.dir ?? ''}`;
  if (found && foundFor === key) return found;
  foundFor = key;
  found = (async () => {
    const names = process.platform === 'win32' ? ['shellcheck.exe', 'shellcheck.cmd', 'shellcheck.bat'] : ['shellcheck'];
    for (const dir of pathVar.split(path.delimiter)) {
      if (!dir) continue;
      if (untrusted && (!path.isAbsolute(dir) || untrusted.contains(dir))) continue;
      for (const name of names) {
        const candidate = path.join(dir, name);
        try {
          const st = await fs.stat(candidate);
          if (!st.isFile()) continue;
          await fs.access(candidate, fsConstants.X_OK);
          return candidate;
        } catch {
          // not here
        }
      }
    }
    return undefined;
  })();
  return found;
}

const versions = new Map<string, Promise<number[]>>();

function shellcheckVersion(binary: string): Promise<number[]> {
  let v = versions.get(binary);
  if (!v) {
    v = new Promise((resolve) => {
      execFile(binary, ['--version'], { timeout: 10_000 }, (_err, stdout) => {
        const m = /version:\s*v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(String(stdout ?? ''));
        resolve(m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : [0, 0, 0]);
      });
    });
    versions.set(binary, v);
  }
  return v;
}

function atLeast(version: number[], wanted: number[]): boolean {
  for (let i = 0; i < wanted.length; i++) {
    const a = version[i] ?? 0;
    if (a !== wanted[i]) return a > wanted[i]!;
  }
  return true;
}

function runBatch(binary: string, argv: string[], files: string[]): Promise<{ comments: Json1Comment[] } | { error: string }> {
  return new Promise((resolve) => {
    execFile(binary, [...argv, '--', ...files], { maxBuffer: 256 * 1024 * 1024, timeout: 120_000 }, (err, stdout, stderr) => {
      // exit 1 means "found something"; the JSON is on stdout either way
      const code = err && typeof (err as NodeJS.ErrnoException & { code?: unknown }).code === 'number' ? (err as unknown as { code: number }).code : err ? -1 : 0;
      if (code !== 0 && code !== 1) {
        const detail = String(stderr || err?.message || '').trim().split('\n')[0] || `exit code ${code}`;
        resolve({ error: detail });
        return;
      }
      try {
        const parsed = JSON.parse(String(stdout)) as { comments?: Json1Comment[] };
        resolve({ comments: parsed.comments ?? [] });
      } catch {
        resolve({ error: `unreadable output from ${binary}` });
      }
    });
  });
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
