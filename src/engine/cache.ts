import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/write-file.js';
import { fileTypeOf, NotRegularFileError, readRegularFileSync } from '../parse/read-file.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { lintFiles } from './lint.js';
import { type LintFilesOptions } from './types.js';
import type { LintedFile, LintResult } from '../core/result.js';
import { buildResult } from '../core/summary.js';
import { groupByStack } from '../stack/groups.js';
import type { RuleMeta } from '../core/rule.js';

/** Bump when the cached shape or what results depend on changes. */
const CACHE_FORMAT = 3;
const MAX_ENTRIES = 5000;

interface CacheEntry {
  usedAt: number;
  files: LintedFile[];
  diagnostics: Diagnostic[];
  rules: string[];
  /**
   * Files outside the stack its findings depend on, with their state when it
   * was linted (see `stateOf`): what the stack was linted with from other
   * folders, and what the compose loader and the stack model read beyond the
   * run (a Dockerfile another folder builds, an `extends` file, env files).
   * Known only once linted, so checked on lookup rather than part of the key.
   */
  consulted: Record<string, string>;
}

interface CacheFile {
  format: number;
  tool: string;
  entries: Record<string, CacheEntry>;
}

/**
 * `--cache`: results are kept per stack — the files under the folder of the
 * nearest compose file above them (or their own folder) — because stack rules
 * read across files. A stack is linted again when any of its files, their
 * config, stack-lint's version, the loaded packs, the other files in their
 * folders (`.env`, `.dockerignore`, env files: by size, mtime and mode), or a file
 * elsewhere that linting it consulted (`CacheEntry.consulted`) changed.
 */
export async function lintWithCache(options: LintFilesOptions, cacheFile: string, warn: (message: string) => void = () => {}): Promise<LintResult> {
  const started = performance.now();
  let cache = await readCache(cacheFile, options.tool.version, warn);
  const writable = cache !== undefined;
  cache ??= emptyCache(options.tool.version);
  const groups = groupByStack(options.files);
  // A stack is a compose file's folder and everything below it (or a file's own folder).
  const packsSignature = options.rules.map((r) => r.meta.id).join(',');
  const fresh: LintFilesOptions['files'][number][] = [];
  const freshKeys = new Map<string, string>(); // group root → key
  const reused: CacheEntry[] = [];
  for (const [root, files] of groups) {
    const key = await groupKey(files, options, packsSignature, cacheFile);
    const hit = key ? cache.entries[key] : undefined;
    if (hit && (await unchanged(hit.consulted, options.overlay))) {
      hit.usedAt = Date.now();
      reused.push(hit);
    } else {
      fresh.push(...files);
      if (key) freshKeys.set(root, key);
    }
  }
  const stacks: { files: readonly string[]; consulted: readonly string[] }[] = [];
  const onStack = (s: (typeof stacks)[number]): void => {
    stacks.push(s);
    options.onStack?.(s);
  };
  const result = fresh.length ? await lintFiles({ ...options, files: fresh, onStack }) : undefined;
  if (result) {
    const ownerOf = findingOwners(result, groups, stacks);
    for (const [root, key] of freshKeys) {
      const inGroup = new Set(groups.get(root)!.map((f) => f.path));
      // The planned stacks this group was linted in (see ./plan.ts): their other files and whatever they consulted.
      const outside = new Set<string>();
      for (const s of stacks) {
        if (!s.files.some((f) => inGroup.has(f))) continue;
        for (const p of [...s.files, ...s.consulted]) if (!inGroup.has(p) && p !== cacheFile) outside.add(p);
      }
      cache.entries[key] = {
        usedAt: Date.now(),
        files: result.files.filter((f) => inGroup.has(f.path)),
        diagnostics: result.diagnostics.filter((d) => (ownerOf.get(d.file) ?? d.file) === root || inGroup.has(d.file)),
        rules: result.rules.map((r) => r.id),
        consulted: await statesOf([...outside].sort(), options.overlay),
      };
    }
  }
  // The findings are complete either way: a cache that cannot be written costs the next run time, not this run its report.
  if (writable) await writeCache(cacheFile, cache).catch((e: Error) => warn(`cannot write the cache ${cacheFile}: ${e.message}; results were not cached`));
  return merge(result, reused, options, started);
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readRegularFileSync(file);
  } catch {
    return undefined;
  }
}

/** Undefined when a file cannot be read (or is no regular file, whose read could block): such a group is never cached. */
async function groupKey(files: LintFilesOptions['files'], options: LintFilesOptions, packs: string, cacheFile: string): Promise<string | undefined> {
  const hash = createHash('sha256').update(`${CACHE_FORMAT}\0${options.tool.version}\0${packs}\0`);
  // The cache file itself changes on every run: it never counts.
  const lintable = new Set([...files.map((f) => f.path), cacheFile]);
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const text = options.overlay?.get(f.path) ?? readOrUndefined(f.path);
    if (text === undefined) return undefined;
    const config = await options.config.forFile(f.path);
    hash.update(`${f.path}\0${f.kind}\0`).update(text).update(`\0${configSignature(config)}\0`);
  }
  for (const dir of [...new Set(files.map((f) => path.dirname(f.path)))].sort()) {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries.filter((e) => e.isFile() && !lintable.has(path.join(dir, e.name))).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const stat = await fs.stat(path.join(dir, e.name)).catch(() => undefined);
      // The mode too: chmod leaves mtime alone, and compose/env-file-mode reads an env file's mode.
      if (stat) hash.update(`${e.name}\0${stat.size}\0${stat.mtimeMs}\0${stat.mode}\0`);
    }
  }
  return hash.digest('hex');
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

/**
 * A file's state as the key takes sibling files: size, mtime and mode (a text given
 * in the overlay: its hash); a folder or a missing path by what it is, since
 * a build context or a Dockerfile appearing or going changes findings too.
 */
async function stateOf(file: string, overlay: LintFilesOptions['overlay']): Promise<string> {
  const given = overlay?.get(file);
  if (given !== undefined) return `text:${createHash('sha256').update(given).digest('hex')}`;
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) return 'missing';
  return stat.isDirectory() ? 'dir' : `${stat.size}:${stat.mtimeMs}:${stat.mode}`;
}

async function statesOf(files: readonly string[], overlay: LintFilesOptions['overlay']): Promise<Record<string, string>> {
  const states = await Promise.all(files.map((f) => stateOf(f, overlay)));
  return Object.fromEntries(files.map((f, i) => [f, states[i]!]));
}

/** Whether every consulted file is as it was when the entry was made. */
async function unchanged(consulted: CacheEntry['consulted'], overlay: LintFilesOptions['overlay']): Promise<boolean> {
  const files = Object.keys(consulted);
  const now = await statesOf(files, overlay);
  return files.every((f) => now[f] === consulted[f]);
}

const signatures = new WeakMap<object, string>();

function configSignature(config: Awaited<ReturnType<LintFilesOptions['config']['forFile']>>): string {
  let sig = signatures.get(config);
  if (!sig) {
    sig = JSON.stringify([[...config.rules].sort(([a], [b]) => (a < b ? -1 : 1)), config.settings, config.linterOptions ?? null]);
    signatures.set(config, sig);
  }
  return sig;
}

function merge(result: LintResult | undefined, reused: CacheEntry[], options: LintFilesOptions, started: number): LintResult {
  const ruleIds = new Set([...(result?.rules.map((r) => r.id) ?? []), ...reused.flatMap((e) => e.rules)]);
  return buildResult({
    diagnostics: [...(result?.diagnostics ?? []), ...reused.flatMap((e) => e.diagnostics)],
    files: [...(result?.files ?? []), ...reused.flatMap((e) => e.files)],
    rules: [...ruleIds].map((id) => options.registry.get(id)).filter((m): m is RuleMeta => Boolean(m)),
    cwd: options.cwd,
    tool: options.tool,
    durationMs: performance.now() - started,
  });
}

function emptyCache(version: string): CacheFile {
  return { format: CACHE_FORMAT, tool: version, entries: {} };
}

/**
 * The cache, or an empty one when there is none yet or it is stale or
 * damaged; undefined, with a warning, when what is there cannot be read
 * (a folder, no permission): then it is not written either.
 */
async function readCache(file: string, version: string, warn: (message: string) => void): Promise<CacheFile | undefined> {
  let text: string;
  try {
    // A FIFO or a device at the cache's path would block a read, or never end.
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new NotRegularFileError(file, fileTypeOf(stat));
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    // Nothing there (or a path under a regular file, which writing will tell): a first run.
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return emptyCache(version);
    warn(`cannot read the cache ${file}: ${err.message}; linting without it`);
    return undefined;
  }
  try {
    const data = JSON.parse(text) as CacheFile;
    if (data.format === CACHE_FORMAT && data.tool === version && data.entries) return data;
  } catch {
    // a damaged cache (an older run killed while writing it): start afresh
  }
  return emptyCache(version);
}

async function writeCache(file: string, cache: CacheFile): Promise<void> {
  const entries = Object.entries(cache.entries).sort(([, a], [, b]) => b.usedAt - a.usedAt).slice(0, MAX_ENTRIES);
  await writeFileAtomic(file, JSON.stringify({ ...cache, entries: Object.fromEntries(entries) }));
}
