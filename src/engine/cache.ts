import { createHash } from 'node:crypto';
import { promises as fs, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { writeFileAtomic } from '../core/write-file.js';
import { fileTypeOf, NotRegularFileError, readRegularFileSync } from '../parse/read-file.js';
import { readSource, relativePath } from '../parse/sources.js';
import type { Diagnostic, Fix, Severity } from '../core/diagnostic.js';
import { maskValues } from '../core/redact.js';
import { lintFiles } from './lint.js';
import { addPhase, TIMING, timedAsync } from './timing.js';
import { type FileConfig, type LintFilesOptions } from './types.js';
import type { LintedFile, LintResult } from '../core/result.js';
import type { FileKind } from '../core/source.js';
import { buildResult } from '../core/summary.js';
import { groupByStack } from '../stack/groups.js';
import type { RuleMeta } from '../core/rule.js';
import type { EvidenceMemo, RepositoryEvidence } from '../stack/evidence/index.js';

/** Bump when the cached shape or what results depend on changes. */
const CACHE_FORMAT = 4;
/** Entries kept, the most recently used first (one per stack). */
const MAX_ENTRIES = 20_000;
/** How stale an entry's `usedAt` may be before a run that reuses it writes it anew (ms). */
const USED_AT_STEP_MS = 24 * 3600 * 1000;
/** A file changed this close to the run (ms) is hashed again next time whatever its mtime says (an edit in the same clock tick). */
const RACY_MS = 2000;
/** Pieces of a secret shorter than this are not looked for in fix texts (as reports mask them: src/report/secrets.ts). */
const MIN_SECRET_PIECE = 4;

/**
 * What a file was when an entry was made: `missing`, `dir`, `other` (no
 * regular file), or its size, mtime (0: not to be trusted), mode and a hash of
 * its bytes. Only mode and hash decide whether it changed; size and mtime
 * spare reading it when they are as they were.
 */
type FileState = 'missing' | 'dir' | 'other' | [size: number, mtimeMs: number, mode: number, hash: string];

/** A finding as stored: its file relative to the stack's folder, positions flat, the rest as it was. */
type StoredDiagnostic = [ruleId: string, severity: 0 | 1 | 2, message: string, file: string, range: number[], extra?: Record<string, unknown>];

interface CacheEntry {
  usedAt: number;
  /** The stack's files (names relative to its folder), kinds, configs, which are reported, and the other names in their folders. */
  key: string;
  /** The stack's files by name relative to its folder, each as it was linted. */
  files: Record<string, FileState>;
  /**
   * Files outside the stack its findings depend on (relative to the project
   * root), with their state when it was linted: what the stack was linted
   * with from other folders, and what the compose loader and the stack model
   * read beyond the run (a Dockerfile another folder builds, an `extends`
   * file, env files). Known only once linted, so checked on lookup.
   */
  consulted: Record<string, FileState>;
  /** Index of more such files in `CacheFile.shared` (-1: none). */
  shared: number;
  /** Index of the rules enabled for the stack in `CacheFile.ruleSets`. */
  rules: number;
  diagnostics: StoredDiagnostic[];
}

interface CacheFile {
  format: number;
  tool: string;
  /** What every entry was made with: the rules of the packs, the folder the run started in (relative to the root). */
  fingerprint: string;
  /** The files read for evidence (every stack's findings depend on them), relative to the root. */
  evidence: Record<string, FileState>;
  /** The distinct sets of enabled rules: entries refer to one. */
  ruleSets: string[][];
  /** Files that every stack of one run consulted (what the repository's evidence names), kept once: entries refer to one. */
  shared: Record<string, FileState>[];
  /** By the stack's folder, relative to the project root. */
  entries: Record<string, CacheEntry>;
  /** The repository's evidence as collected, reused while its files are as they were (see `openCache`). */
  evidenceData?: StoredEvidence;
}

/**
 * The evidence of the run that wrote the cache: the listing it was collected
 * from (a hash: see `EvidenceMemo`), the states of the files it read and what
 * came of them (`RepositoryEvidence`), with every path under the run's folder
 * written relative to it (as `\u0000<relative>`), so that a cache restored in
 * another checkout still hits. The run's folder is where it is in the project
 * root (the fingerprint), so these are paths relative to the root too.
 */
interface StoredEvidence {
  listed: string;
  states: Record<string, FileState>;
  data: unknown;
}

/** A cache file read ahead of the run, so that collecting the repository's evidence can reuse what it holds. */
export interface OpenedCache {
  readonly file: string;
  readonly cache: Promise<CacheFile | undefined>;
  readonly memo: EvidenceMemo;
  /** The evidence to keep in the cache once the run is done (reused or collected anew). */
  evidence?: StoredEvidence;
}

/**
 * Reads the cache file before the run prepares, and gives the evidence
 * collector what it may reuse: collecting reads and parses every script,
 * Makefile, CI file and README of the repository, which was most of a warm
 * run. `lintWithCache` then takes the same read.
 */
export async function openCache(file: string, version: string, cwd: string, overlay: ReadonlyMap<string, string> | undefined, warn: (message: string) => void): Promise<OpenedCache> {
  const cache = readCache(file, version, warn);
  const stored = (await cache)?.evidenceData;
  const states = new StateReader(overlay, Date.now());
  const opened: OpenedCache = {
    file,
    cache,
    memo: {
      name: (root) => relTo(cwd, root),
      reuse: (listed) => {
        if (!stored || stored.listed !== listed || typeof stored.states !== 'object' || stored.states === null) return undefined;
        for (const [p, state] of Object.entries(stored.states)) if (!sameState(states.of(path.resolve(cwd, p), state), state)) return undefined;
        opened.evidence = stored;
        return fromStored(stored.data, cwd) as RepositoryEvidence;
      },
      keep: (listed, evidence) => {
        const kept: Record<string, FileState> = {};
        for (const p of [...evidence.read].sort()) kept[relTo(cwd, p)] = states.of(p);
        opened.evidence = { listed, states: kept, data: toStored(evidence, cwd) };
      },
    },
  };
  return opened;
}

/** A value with every path at or under `dir` written relative to it, marked. */
function toStored(value: unknown, dir: string): unknown {
  if (typeof value === 'string') return value === dir || value.startsWith(dir + path.sep) ? `\u0000${relTo(dir, value)}` : value;
  if (Array.isArray(value)) return value.map((v) => toStored(v, dir));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStored(v, dir)]));
  return value;
}

function fromStored(value: unknown, dir: string): unknown {
  if (typeof value === 'string') return value.startsWith('\u0000') ? (value.length === 1 ? dir : path.join(dir, value.slice(1))) : value;
  if (Array.isArray(value)) return value.map((v) => fromStored(v, dir));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromStored(v, dir)]));
  return value;
}

type RunFile = LintFilesOptions['files'][number];

/**
 * `--cache`: results are kept per stack — the files under the folder of the
 * nearest compose file above them (or their own folder) — because stack rules
 * read across files. What is kept of a stack is the content hash of each of
 * its files and of every file its linting consulted elsewhere, its findings,
 * and which rules ran; never a file's text. A stack is linted again when any
 * of those files changed (by content or mode; size and mtime only spare the
 * hashing), when the config of one of its files changed, when a file
 * appeared or went in one of its folders, or when stack-lint's version, the
 * loaded packs or an evidence file changed. Paths are kept relative to the
 * project root, so that a cache restored in another checkout of the same
 * repository (a CI cache) still hits. Texts for reports (code frames) are
 * read from disk when a report asks for them.
 */
export async function lintWithCache(options: LintFilesOptions, cacheFile: string, warn: (message: string) => void = () => {}, opened?: OpenedCache): Promise<LintResult> {
  const started = performance.now();
  const now = Date.now();
  const base = options.projectRoot ?? options.cwd;
  const rel = (abs: string): string => relTo(base, abs);
  const abs = (relPath: string): string => path.resolve(base, relPath);
  const fingerprint = hashOf(`${CACHE_FORMAT}\0${options.tool.version}\0${options.rules.map((r) => r.meta.id).join(',')}\0${rel(options.cwd)}`);
  let cache = await timedAsync('cache:read', () => (opened?.file === cacheFile ? opened.cache : readCache(cacheFile, options.tool.version, warn)));
  let t = TIMING ? performance.now() : 0;
  const writable = cache !== undefined;
  // Whether the cache file needs writing: not after a run that changed nothing in it (the common warm run).
  let changed = !cache || cache.fingerprint !== fingerprint;
  const storedEvidence = cache?.evidenceData;
  if (!cache || cache.fingerprint !== fingerprint) cache = emptyCache(options.tool.version, fingerprint);
  // The evidence this run collected or reused, for the next run: news when it is not what the file held.
  if (opened?.evidence) {
    cache.evidenceData = opened.evidence;
    if (opened.evidence !== storedEvidence) changed = true;
  }
  const stateReader = new StateReader(options.overlay, now);

  // Every stack read the evidence files: when one of them changed (or one came or went), nothing cached holds.
  const evidence: Record<string, FileState> = {};
  for (const file of [...(options.evidence?.read ?? [])].sort()) evidence[rel(file)] = stateReader.of(file, cache.evidence[rel(file)]);
  const evidenceHolds = sameStates(evidence, cache.evidence);
  cache.evidence = evidence;
  if (!evidenceHolds) {
    cache.entries = {};
    changed = true;
  }

  const groups = groupByStack(options.files);
  // Whether the files of a shared set of consulted paths are as they were, each set looked at once.
  const sharedChecked = new Map<number, boolean>();
  const sharedHolds = (index: number): boolean => {
    if (index < 0) return true;
    let holds = sharedChecked.get(index);
    if (holds === undefined) {
      const set = cache.shared[index];
      holds = set !== undefined && unchanged(set, stateReader, abs);
      if (set && holds) for (const p of Object.keys(set)) set[p] = stateReader.of(abs(p));
      sharedChecked.set(index, holds);
    }
    return holds;
  };
  const fresh: RunFile[] = [];
  const freshGroups = new Map<string, { key: string; files: Record<string, FileState> }>(); // group root → what its entry will be made of
  const reused: { root: string; entry: CacheEntry; files: readonly RunFile[] }[] = [];
  // The cache file itself changes on every run: it never counts.
  const lintable = new Set([...options.files.map((f) => f.path), cacheFile]);
  for (const [root, files] of groups) {
    const hit = cache.entries[rel(root)];
    const key = await groupKey(root, files, options, lintable, rel);
    const current = key === undefined ? undefined : fileStates(root, files, stateReader, hit?.files);
    if (hit && key === hit.key && current && sameStates(current, hit.files) && unchanged(hit.consulted, stateReader, abs) && sharedHolds(hit.shared)) {
      // As they are now: a file touched but not changed (a checkout elsewhere) is not read again next time.
      // Marked as used once a day: a run that only reads the cache leaves the file alone.
      if (now - hit.usedAt > USED_AT_STEP_MS) {
        hit.usedAt = now;
        changed = true;
      }
      hit.files = current;
      for (const p of Object.keys(hit.consulted)) hit.consulted[p] = stateReader.of(abs(p));
      reused.push({ root, entry: hit, files });
      continue;
    }
    fresh.push(...files);
    if (key !== undefined && current && Object.values(current).every((s) => Array.isArray(s))) freshGroups.set(root, { key, files: current });
    else delete cache.entries[rel(root)];
  }

  if (TIMING) addPhase('cache:check', performance.now() - t);
  const stacks: { files: readonly string[]; consulted: readonly string[]; rules: readonly string[] }[] = [];
  const onStack = (s: (typeof stacks)[number]): void => {
    stacks.push(s);
    options.onStack?.(s);
  };
  const result = fresh.length ? await lintFiles({ ...options, files: fresh, onStack }) : undefined;
  t = TIMING ? performance.now() : 0;
  if (result) {
    const ownerOf = findingOwners(result, groups, stacks);
    const inGroupOf = new Map<string, string>();
    for (const [root, files] of groups) for (const f of files) inGroupOf.set(f.path, root);
    const diagnosticsOf = new Map<string, Diagnostic[]>();
    for (const d of result.diagnostics) {
      const root = inGroupOf.get(d.file) ?? ownerOf.get(d.file);
      if (root === undefined) continue;
      const list = diagnosticsOf.get(root) ?? diagnosticsOf.set(root, []).get(root)!;
      list.push(d);
    }
    const texts = new Map(result.files.map((f) => [f.path, f]));
    const stacksOf = new Map<string, (typeof stacks)[number][]>();
    for (const s of stacks) for (const f of s.files) (stacksOf.get(f) ?? stacksOf.set(f, []).get(f)!).push(s);
    const evidenceFiles = new Set(options.evidence?.read ?? []);
    const made: { root: string; key: string; files: Record<string, FileState>; outside: string[]; rules: number; diagnostics: Diagnostic[] }[] = [];
    // What every stack of this run read (the files the repository's evidence names, looked at by each) is kept once.
    let common: Set<string> | undefined;
    for (const [root, { key, files }] of freshGroups) {
      const inGroup = new Set(groups.get(root)!.map((f) => f.path));
      // The planned stacks this group was linted in (see ./plan.ts): their other files, whatever they consulted, the rules they ran.
      const read = new Set<string>();
      const ruleIds = new Set<string>();
      for (const s of new Set([...inGroup].flatMap((f) => stacksOf.get(f) ?? []))) {
        for (const p of s.files) read.add(p);
        for (const p of s.consulted) if (p !== cacheFile && !evidenceFiles.has(p)) read.add(p);
        for (const id of s.rules) ruleIds.add(id);
      }
      const outside = [...read].filter((p) => !inGroup.has(p)).sort();
      const diagnostics = diagnosticsOf.get(root) ?? [];
      // Rules whose findings are made once the whole run is done (unused suppression comments).
      for (const d of diagnostics) ruleIds.add(d.ruleId);
      // A fix that would write a secret's value into the cache: this stack is linted every time instead.
      if (writesSecret(diagnostics, (p) => texts.get(p)?.text || readText(p, options))) {
        delete cache.entries[rel(root)];
        continue;
      }
      if (common) for (const p of common) if (!read.has(p)) common.delete(p);
      common ??= read;
      made.push({ root, key, files, outside, rules: intern(cache.ruleSets, [...ruleIds].sort()), diagnostics });
    }
    common ??= new Set();
    let shared = -1;
    if (common.size) {
      const states: Record<string, FileState> = {};
      for (const p of [...common].sort()) states[rel(p)] = stateReader.of(p);
      shared = cache.shared.push(states) - 1;
    }
    for (const m of made) {
      const consulted: Record<string, FileState> = {};
      for (const p of m.outside) if (!common.has(p)) consulted[rel(p)] = stateReader.of(p);
      cache.entries[rel(m.root)] = { usedAt: now, key: m.key, files: m.files, consulted, shared, rules: m.rules, diagnostics: m.diagnostics.map((d) => storeDiagnostic(d, m.root)) };
    }
  }
  if (TIMING) addPhase('cache:store', performance.now() - t);
  // The findings are complete either way: a cache that cannot be written costs the next run time, not this run its report.
  if (fresh.length || stateReader.hashed) changed = true;
  if (writable && changed) await timedAsync('cache:write', () => writeCache(cacheFile, cache).catch((e: Error) => warn(`cannot write the cache ${cacheFile}: ${e.message}; results were not cached`)));
  return merge(result, reused, cache, options, started);
}

/**
 * What a stack's entry is looked up with, besides the files' contents: each
 * file's name (relative to the stack's folder), kind, config and whether it is
 * reported, and the names of the other files in their folders (a `.env` or a
 * `.dockerignore` appearing). Undefined when a folder cannot be listed.
 */
async function groupKey(root: string, files: readonly RunFile[], options: LintFilesOptions, lintable: ReadonlySet<string>, rel: (abs: string) => string): Promise<string | undefined> {
  const hash = createHash('sha1');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const config = await options.config.forFile(f.path, f.kind);
    const reported = !options.reportOn || options.reportOn.has(f.path);
    hash.update(`${path.relative(root, f.path)}\0${f.kind}\0${configSignature(config, rel)}\0${reported ? 1 : 0}\0`);
  }
  for (const dir of [...new Set(files.map((f) => path.dirname(f.path)))].sort()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    const names = entries.filter((e) => !e.isDirectory() && !lintable.has(path.join(dir, e.name))).map((e) => e.name);
    hash.update(`${path.relative(root, dir)}\0${names.sort().join('\0')}\0\0`);
  }
  return hash.digest('base64url');
}

/** The stack's files as they are now, by name relative to its folder (see `FileState`). */
function fileStates(root: string, files: readonly RunFile[], states: StateReader, before: Record<string, FileState> | undefined): Record<string, FileState> {
  const out: Record<string, FileState> = {};
  for (const f of files) {
    const name = path.relative(root, f.path).split(path.sep).join('/');
    out[name] = states.of(f.path, before?.[name]);
  }
  return out;
}

/** Whether two sets of file states name the same files with the same contents and modes. */
function sameStates(a: Record<string, FileState>, b: Record<string, FileState>): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  return names.every((n) => b[n] !== undefined && sameState(a[n]!, b[n]!));
}

function sameState(a: FileState, b: FileState): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  return a[2] === b[2] && a[3] === b[3];
}

/** Whether every consulted file is as it was when the entry was made. */
function unchanged(consulted: CacheEntry['consulted'], states: StateReader, abs: (rel: string) => string): boolean {
  for (const [p, state] of Object.entries(consulted)) if (!sameState(states.of(abs(p), state), state)) return false;
  return true;
}

/** Files' states, each taken once a run; a file whose size and mtime are as before is not read again. */
class StateReader {
  private readonly seen = new Map<string, FileState>();
  /** Files read to be hashed: their sizes or mtimes were not as before, so the cache file has news. */
  hashed = 0;

  constructor(
    private readonly overlay: LintFilesOptions['overlay'],
    private readonly now: number,
  ) {}

  of(file: string, before?: FileState): FileState {
    let state = this.seen.get(file);
    if (state === undefined) {
      state = this.take(file, before);
      this.seen.set(file, state);
    }
    return state;
  }

  private take(file: string, before: FileState | undefined): FileState {
    const given = this.overlay?.get(file);
    if (given !== undefined) return [Buffer.byteLength(given), 0, 0, `text:${hashOf(given)}`];
    let stat: Stats;
    try {
      stat = statSync(file);
    } catch {
      return 'missing';
    }
    if (stat.isDirectory()) return 'dir';
    if (!stat.isFile()) return 'other';
    const mode = stat.mode & 0o7777;
    // Changed just now, perhaps again within the same tick after this: not to be trusted by its mtime next time.
    const mtime = stat.mtimeMs > this.now - RACY_MS ? 0 : stat.mtimeMs;
    if (Array.isArray(before) && before[1] !== 0 && before[0] === stat.size && before[1] === stat.mtimeMs) return [stat.size, mtime, mode, before[3]];
    let bytes: Buffer | undefined;
    try {
      bytes = readRegularFileSync(file);
      this.hashed++;
    } catch {
      return 'other';
    }
    return [stat.size, mtime, mode, bytes ? hashOf(bytes) : 'none'];
  }
}

/** A path relative to a folder, `/`-separated (a path below it without `path.relative`, which costs when called for every path every stack read). */
function relTo(dir: string, file: string): string {
  const below = file.length > dir.length + 1 && file.startsWith(dir) && file[dir.length] === path.sep ? file.slice(dir.length + 1) : path.relative(dir, file);
  return path.sep === '/' ? below : below.split(path.sep).join('/');
}

function hashOf(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('base64url');
}

const signatures = new WeakMap<object, string>();

/** A file's config as it decides findings, its paths relative to the project root (a relocated checkout has the same). */
function configSignature(config: FileConfig, rel: (abs: string) => string): string {
  let sig = signatures.get(config);
  if (!sig) {
    const text = JSON.stringify([
      [...config.rules].sort(([a], [b]) => (a < b ? -1 : 1)),
      config.settings,
      config.linterOptions ?? null,
      config.configPath === undefined ? null : rel(config.configPath),
      (config.projects ?? []).map((p) => ({ ...p, files: p.files.map((f) => rel(f)) })),
      config.peer ?? null,
    ]);
    sig = hashOf(text);
    signatures.set(config, sig);
  }
  return sig;
}

/**
 * The group that keeps the findings in a file no group lints (a `.env` naming
 * a missing `COMPOSE_FILE`, an `env_file` holding a secret): the group whose
 * folder holds it, nearest first, else the first group whose stack read it.
 * Without an owner such findings would vanish from every cached run.
 */
function findingOwners(result: LintResult, groups: ReadonlyMap<string, readonly { path: string }[]>, stacks: readonly { files: readonly string[]; consulted: readonly string[] }[]): Map<string, string> {
  const linted = new Set([...groups.values()].flatMap((g) => g.map((f) => f.path)));
  const groupOfFile = new Map<string, string>();
  for (const [root, files] of groups) for (const f of files) groupOfFile.set(f.path, root);
  const owners = new Map<string, string>();
  for (const d of result.diagnostics) {
    if (linted.has(d.file) || owners.has(d.file)) continue;
    let owner: string | undefined;
    for (let dir = path.dirname(d.file); !owner; dir = path.dirname(dir)) {
      if (groups.has(dir)) owner = dir;
      if (path.dirname(dir) === dir) break;
    }
    owner ??= stacks.filter((s) => s.consulted.includes(d.file)).flatMap((s) => s.files.map((f) => groupOfFile.get(f)))[0];
    if (owner) owners.set(d.file, owner);
  }
  return owners;
}

/** A file's text as linting would have it; '' when it cannot be read as text. */
function readText(file: string, options: LintFilesOptions): string {
  const r = readSource(file, 'compose', options.cwd, options.overlay);
  return r.ok ? r.source.text : '';
}

/**
 * Whether a fix or suggestion of these findings writes the value of a secret
 * a finding marks (a line of it, as reports mask them by value): such a text
 * is never written to the cache file.
 */
function writesSecret(diagnostics: readonly Diagnostic[], textOf: (file: string) => string): boolean {
  const values = new Set<string>();
  for (const d of diagnostics) {
    if (!d.secrets?.length) continue;
    const text = textOf(d.file);
    for (const s of d.secrets) for (const line of text.slice(s.start, s.end).split(/\r\n|\r|\n/)) if (line.length >= MIN_SECRET_PIECE) values.add(line);
  }
  if (!values.size) return false;
  const list = [...values];
  return diagnostics.some((d) => [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? [])].some((f) => f.edits.some((e) => maskValues(e.text, list) !== e.text)));
}

const SEVERITY_CODES: Record<Severity, 0 | 1 | 2> = { error: 0, warning: 1, info: 2 };
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** A finding as stored: its file relative to the stack's folder, a fix's or suggestion's file only when it is another. */
function storeDiagnostic(d: Diagnostic, root: string): StoredDiagnostic {
  const { ruleId, severity, message, file, relPath: _relPath, range, fix, suggestions, ...rest } = d;
  const extra: Record<string, unknown> = { ...rest };
  const own = ({ file: target, ...f }: Fix): Omit<Fix, 'file'> & { file?: string } => (target === file ? f : { ...f, file: relTo(root, target) });
  if (fix) extra.fix = own(fix);
  if (suggestions) extra.suggestions = suggestions.map(own);
  const flat = [range.start.line, range.start.column, range.start.offset, range.end.line, range.end.column, range.end.offset];
  const stored: StoredDiagnostic = [ruleId, SEVERITY_CODES[severity], message, relTo(root, file), flat];
  if (Object.keys(extra).length) stored.push(extra);
  return stored;
}

function loadDiagnostic(s: StoredDiagnostic, root: string, cwd: string): Diagnostic {
  const [ruleId, severity, message, name, r, extra] = s;
  const file = path.resolve(root, name);
  const at = (f: Omit<Fix, 'file'> & { file?: string }): Fix => ({ ...f, file: f.file === undefined ? file : path.resolve(root, f.file) });
  const d: Diagnostic = {
    ruleId,
    severity: SEVERITIES[severity]!,
    message,
    file,
    relPath: relativePath(cwd, file),
    range: { start: { line: r[0]!, column: r[1]!, offset: r[2]! }, end: { line: r[3]!, column: r[4]!, offset: r[5]! } },
  };
  if (extra) {
    const { fix, suggestions, ...rest } = extra as { fix?: Omit<Fix, 'file'> & { file?: string; safety: 'safe' | 'unsafe' }; suggestions?: (Omit<Fix, 'file'> & { file?: string })[] };
    Object.assign(d, rest);
    if (fix) d.fix = { ...at(fix), safety: fix.safety };
    if (suggestions) d.suggestions = suggestions.map(at);
  }
  return d;
}

/** A linted file whose text is read from disk only if a report asks for it (a code frame): the text it was linted with, since its hash is unchanged. */
function lazyFile(file: string, kind: FileKind, options: LintFilesOptions): LintedFile {
  let text: string | undefined;
  const linted = { path: file, relPath: relativePath(options.cwd, file), kind } as LintedFile;
  Object.defineProperty(linted, 'text', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (text === undefined) {
        const r = readSource(file, kind, options.cwd, options.overlay);
        text = r.ok ? r.source.text : '';
      }
      return text;
    },
    set: (value: string) => {
      text = value;
    },
  });
  return linted;
}

function merge(
  result: LintResult | undefined,
  reused: readonly { root: string; entry: CacheEntry; files: readonly RunFile[] }[],
  cache: CacheFile,
  options: LintFilesOptions,
  started: number,
): LintResult {
  const ruleIds = new Set(result?.rules.map((r) => r.id) ?? []);
  const diagnostics = [...(result?.diagnostics ?? [])];
  const files = [...(result?.files ?? [])];
  for (const { root, entry, files: list } of reused) {
    for (const id of cache.ruleSets[entry.rules] ?? []) ruleIds.add(id);
    for (const s of entry.diagnostics) diagnostics.push(loadDiagnostic(s, root, options.cwd));
    for (const f of list) if (!options.reportOn || options.reportOn.has(f.path)) files.push(lazyFile(f.path, f.kind, options));
  }
  return buildResult({
    diagnostics,
    files,
    rules: [...ruleIds].map((id) => options.registry.get(id)).filter((m): m is RuleMeta => Boolean(m)),
    cwd: options.cwd,
    tool: options.tool,
    durationMs: performance.now() - started,
  });
}

function emptyCache(version: string, fingerprint = ''): CacheFile {
  return { format: CACHE_FORMAT, tool: version, fingerprint, evidence: {}, ruleSets: [], shared: [], entries: {} };
}

/**
 * The cache, or an empty one when there is none yet (or it was made with
 * other rules); with a warning, an empty one when what is there is damaged or
 * from another version of stack-lint; undefined, with a warning, when what is
 * there cannot be read (a folder, no permission): then it is not written either.
 */
async function readCache(file: string, version: string, warn: (message: string) => void): Promise<CacheFile | undefined> {
  let bytes: Buffer;
  try {
    // A FIFO or a device at the cache's path would block a read, or never end.
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new NotRegularFileError(file, fileTypeOf(stat));
    bytes = await fs.readFile(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    // Nothing there (or a path under a regular file, which writing will tell): a first run.
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return emptyCache(version);
    warn(`cannot read the cache ${file}: ${err.message}; linting without it`);
    return undefined;
  }
  let data: Partial<CacheFile> | undefined;
  try {
    data = JSON.parse((isGzip(bytes) ? gunzipSync(bytes) : bytes).toString('utf8')) as Partial<CacheFile>;
  } catch {
    // an older run killed while writing it (before writes were atomic), or another file
  }
  if (data && typeof data === 'object' && data.format === CACHE_FORMAT && data.tool === version && isCacheShape(data)) return data;
  const why = data && typeof data === 'object' && typeof data.format === 'number' && typeof data.tool === 'string' ? `was written by stack-lint ${data.tool}${data.format === CACHE_FORMAT ? '' : ` in an older or newer format`}` : 'is damaged';
  warn(`the cache ${file} ${why}; linting without it`);
  return emptyCache(version);
}

function isCacheShape(data: Partial<CacheFile>): data is CacheFile {
  return typeof data.fingerprint === 'string' && Array.isArray(data.ruleSets) && Array.isArray(data.shared) && typeof data.evidence === 'object' && data.evidence !== null && typeof data.entries === 'object' && data.entries !== null;
}

async function writeCache(file: string, cache: CacheFile): Promise<void> {
  const entries = Object.entries(cache.entries).sort(([, a], [, b]) => b.usedAt - a.usedAt).slice(0, MAX_ENTRIES);
  // Rule sets and shared sets no entry refers to any more are dropped, the rest renumbered.
  const ruleSets = renumbered(entries.map(([, e]) => e.rules));
  const shared = renumbered(entries.map(([, e]) => e.shared).filter((i) => i >= 0));
  const kept = Object.fromEntries(entries.map(([root, e]) => [root, { ...e, rules: ruleSets.get(e.rules)!, shared: e.shared < 0 ? -1 : shared.get(e.shared)! }]));
  const data: CacheFile = { ...cache, ruleSets: [...ruleSets.keys()].map((i) => cache.ruleSets[i] ?? []), shared: [...shared.keys()].map((i) => cache.shared[i] ?? {}), entries: kept };
  // Compressed: findings' messages repeat, and so do paths.
  await writeFileAtomic(file, gzipSync(JSON.stringify(data)));
}

function isGzip(bytes: Buffer): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Old index → new index of the indexes used, in their order. */
function renumbered(used: readonly number[]): Map<number, number> {
  return new Map([...new Set(used)].sort((a, b) => a - b).map((old, i) => [old, i]));
}

/** The index of `set` in `sets`, added when it is not there. */
function intern(sets: string[][], set: string[]): number {
  const key = set.join(',');
  const at = sets.findIndex((s) => s.join(',') === key);
  return at >= 0 ? at : sets.push(set) - 1;
}
