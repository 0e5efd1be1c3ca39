import { compilePolicies } from '../../rules/kit/policies.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { collectEvidence, type EvidenceMemo, type RepositoryEvidence } from '../stack/evidence/index.js';
import { kindsFromEvidence } from '../stack/evidence/plan.js';
import { reachedComposeFiles } from '../parse/compose/references.js';
import { readText } from '../stack/resources.js';
import { ConfigLoader } from '../config/index.js';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { discover, type DiscoveredFile } from '../discover/discover.js';
import { kindFromName, kindFromShebang } from '../discover/classify.js';
import builtins from '../../rules/index.js';
import { CORE_RULE_METAS } from '../engine/core-rules.js';
import { PackSet } from '../engine/packs.js';
import { groupContext, lintFiles } from '../engine/lint.js';
import { type GroupContext, type LintFilesOptions } from '../engine/types.js';
import { workerPool } from '../engine/workers.js';
import { type WorkerSetup } from '../engine/types.js';
import { lintWithCache, openCache } from '../engine/cache.js';
import { shardFiles } from '../stack/groups.js';
import { fixFiles, type FixOutcome } from '../fix/loop.js';
import type { LintResult } from '../core/result.js';
import type { FileKind } from '../core/source.js';
import type { RuleSetting } from '../config/types.js';
import { findProjectRoot } from '../core/project-root.js';
import { removeStaleTempFiles, removeStaleTemps } from '../core/temp-files.js';
import { markRunEnd, markRunStart, timedAsync } from '../engine/timing.js';

export interface RunOptions {
  cwd: string;
  patterns: string[];
  /** Lint this text (standard input) as the file `stdinFilename`, instead of discovering files. */
  stdin?: { text: string; filename: string };
  configFile?: string;
  noConfigLookup?: boolean;
  codeConfig?: boolean;
  cliRules?: string[];
  ignorePatterns?: string[];
  forceExclude?: boolean;
  errorOnUnmatched?: boolean;
  /** `--cache`: the cache file (absolute); results of unchanged stacks are reused. */
  cacheFile?: string;
  /** `--shard i/n`: lint only this share of the files (whole stacks at a time). */
  shard?: { index: number; count: number };
  /** `--concurrency`: threads to lint with (1: the calling thread only); default: by the size of the run (see ./workers.ts). */
  concurrency?: number | 'auto';
  /** `false`: the result's `LintedFile.text`s are left empty (see `LintFilesOptions.dropTexts`); a cached file's text is read only if a report asks for it. */
  keepTexts?: boolean;
  /** `--project-root` (relative to `cwd`): nothing outside this folder is read (default: the repository root; see ./project-root.ts). */
  projectRoot?: string;
}

export const TOOL = {
  name: 'stack-lint',
  version: readVersion(),
  informationUri: 'https://github.com/stack-lint/stack-lint',
};

/** The packs of one run: the built-in pack, then whatever the configs name in `plugins:`. */
export function createPackSet(): PackSet {
  return new PackSet(builtins, CORE_RULE_METAS, TOOL.version);
}

export function createConfigLoader(options: RunOptions, packs: PackSet): ConfigLoader {
  return new ConfigLoader({
    cwd: options.cwd,
    registry: packs,
    ...(options.configFile ? { configFile: options.configFile } : {}),
    noConfigLookup: options.noConfigLookup ?? false,
    codeConfig: options.codeConfig ?? true,
    cliRules: options.cliRules ?? [],
    presets: (name) => packs.preset(name) as Record<string, RuleSetting> | undefined,
    presetNames: () => packs.presetNames(),
    loadPlugins: async (plugins, configFile) => {
      for (const plugin of plugins) await packs.load(plugin, path.dirname(configFile));
    },
    registerPolicies: (raw, configFile) => {
      const rules = compilePolicies(raw, configFile);
      if (rules.length) packs.addPolicies(rules, configFile);
      return rules.map((r) => r.meta);
    },
  });
}

/** The packs a run in `cwd` would use: the built-in one and the plugins of the config there. */
export async function packsFor(options: RunOptions): Promise<PackSet> {
  const packs = createPackSet();
  await createConfigLoader(options, packs).forFile(path.join(options.cwd, '.stack-lint'));
  return packs;
}

/** Discovers the files and loads what linting them needs. */
export async function prepare(options: RunOptions, hooks: RunHooks = {}): Promise<LintFilesOptions> {
  const packs = createPackSet();
  const config = createConfigLoader(options, packs);
  hooks.onConfig?.(config);
  if (options.stdin) {
    const file = path.resolve(options.cwd, options.stdin.filename);
    const kind = (await config.forFile(file)).kinds.kindOf(file) ?? kindFromName(path.basename(file)) ?? kindFromShebang(options.stdin.text.split('\n')[0] ?? '');
    if (!kind) throw new UsageError(`cannot tell what kind of file "${options.stdin.filename}" is (a compose file, Dockerfile or shell script): name it like one with --stdin-filename`);
    const projectRoot = findProjectRoot(options.cwd, [file], options.projectRoot);
    return { cwd: options.cwd, files: [{ path: file, kind }], overlay: new Map([[file, options.stdin.text]]), rules: packs.rules(), registry: packs, config, tool: TOOL, projectRoot, ...untrusted(options) };
  }
  const leftovers: string[] = [];
  const files = await timedAsync('discover', () =>
    discover({
      cwd: options.cwd,
      patterns: options.patterns.length ? options.patterns : ['.'],
      ignore: options.ignorePatterns ?? [],
      isIgnored: async (abs) => (await config.forFile(abs)).ignores.matches(abs),
      kindOf: async (abs) => (await config.forFile(abs)).kinds.kindOf(abs),
      forceExclude: options.forceExclude ?? false,
      errorOnUnmatched: options.errorOnUnmatched ?? true,
      onTempFile: (abs) => leftovers.push(abs),
    }),
  );
  // What a killed `--fix` left behind, in the folders walked and those of the files named.
  removeStaleTempFiles(leftovers);
  for (const dir of new Set(files.filter((f) => f.explicit).map((f) => path.dirname(f.path)))) removeStaleTemps(dir);
  // What the repository's own commands pass with -f is a compose file or a Dockerfile, whatever its name.
  const evidence = await timedAsync('evidence', async () => collectEvidence(evidenceRoots(options), hooks.evidenceMemo ? { memo: hooks.evidenceMemo } : {}));
  const known = new Set(files.map((f) => f.path));
  // A path the repository's commands name outside the folders read for evidence is never looked at.
  const inRoots = (p: string) => evidence.roots.some((r) => p.startsWith(r + path.sep));
  // Placing the commands' projects asks about the same few names in every folder (compose.yaml, its overrides and templates): once each.
  const states = new Map<string, ReturnType<typeof statOrMissing>>();
  const stateOf = (p: string) => states.get(p) ?? states.set(p, statOrMissing(p)).get(p)!;
  const env = { exists: (p: string) => inRoots(p) && stateOf(p) === 'file', yamlFiles: evidence.yamlFiles };
  // Only files inside the folders the run was asked to lint, or named on the command line, join it (the evidence may
  // name files anywhere in the repository): `stack-lint build/app.docker` lints the Dockerfile a Makefile builds.
  const lintedDirs: string[] = [];
  const namedFiles = new Set<string>();
  for (const pattern of options.patterns.length ? options.patterns : ['.']) {
    const abs = path.resolve(options.cwd, pattern);
    const kind = statOrMissing(abs);
    if (kind === 'dir') lintedDirs.push(abs);
    else if (kind === 'file') namedFiles.add(abs);
    else lintedDirs.push(options.cwd); // a glob: its files are under the folder the run started in
  }
  const inLinted = (p: string) => namedFiles.has(p) || lintedDirs.some((d) => p.startsWith(d + path.sep));
  for (const [file, kind] of kindsFromEvidence(evidence.items, env)) {
    if (known.has(file) || !inRoots(file) || !inLinted(file) || (await config.forFile(file)).ignores.matches(file)) continue;
    files.push({ path: file, kind, explicit: namedFiles.has(file) });
    known.add(file);
  }
  // What a compose file pulls in with `include:` or `extends: {file: …}` is a compose file too, whatever its name.
  const texts = new Map<string, string | undefined>();
  const readCompose = (p: string) => {
    if (!texts.has(p)) texts.set(p, inRoots(p) || known.has(p) ? readText(p) : undefined);
    return texts.get(p);
  };
  for (const file of reachedComposeFiles(files.filter((f) => f.kind === 'compose').map((f) => f.path), readCompose).keys()) {
    if (known.has(file) || !inLinted(file) || (await config.forFile(file)).ignores.matches(file)) continue;
    files.push({ path: file, kind: 'compose', explicit: false });
    known.add(file);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const projectRoot = findProjectRoot(options.cwd, files.map((f) => f.path), options.projectRoot);
  const mine = options.shard ? shardFiles(files, options.shard.index, options.shard.count) : files;
  const context = await stackContext(mine, (dir) =>
    discover({
      cwd: options.cwd,
      patterns: [dir],
      ignore: options.ignorePatterns ?? [],
      isIgnored: async (abs) => (await config.forFile(abs)).ignores.matches(abs),
      kindOf: async (abs) => (await config.forFile(abs)).kinds.kindOf(abs),
    }),
  );
  // Discovery asked the config of every file, which loaded every pack they name.
  const { stdin: _stdin, ...forWorkers } = options;
  const workers = workerPool(options.concurrency, context.files.length, { run: { ...forWorkers, projectRoot } as Record<string, unknown>, files: context.files.map((f) => f.path) });
  const dropTexts = options.keepTexts === false;
  return { cwd: options.cwd, ...context, rules: packs.rules(), registry: packs, config, tool: TOOL, projectRoot, evidence, ...untrusted(options), ...(workers ? { workers } : {}), ...(dropTexts ? { dropTexts } : {}) };
}

/**
 * The kind a run would give one file (for `--print-config`): the config's
 * `kinds:`, its name, the repository's own commands (a file `docker build -f`
 * names is a Dockerfile), its shebang. Undefined when none says.
 */
export async function kindOfFile(options: Pick<RunOptions, 'cwd'>, config: ConfigLoader, file: string): Promise<FileKind | undefined> {
  const named = (await config.forFile(file)).kinds.kindOf(file) ?? kindFromName(path.basename(file));
  if (named) return named;
  const evidence = collectEvidence(evidenceRoots({ cwd: options.cwd, patterns: [file] }));
  const inRoots = (p: string) => evidence.roots.some((r) => p.startsWith(r + path.sep));
  const env = { exists: (p: string) => inRoots(p) && statOrMissing(p) === 'file', yamlFiles: evidence.yamlFiles };
  const byCommands = kindsFromEvidence(evidence.items, env).get(file);
  if (byCommands) return byCommands;
  const text = statOrMissing(file) === 'file' ? readText(file) : undefined;
  return text === undefined ? undefined : kindFromShebang(text.split('\n')[0] ?? '');
}

/**
 * The folders whose scripts, Makefiles, CI files and docs are read for
 * evidence: each linted folder, or the repository (the folder above it
 * holding `.git`) when that lies inside the folder the run started in.
 * Nothing outside the run's own folders and that repository is read.
 */
export function evidenceRoots(options: Pick<RunOptions, 'cwd' | 'patterns'>): string[] {
  const roots = new Set<string>();
  for (const pattern of options.patterns.length ? options.patterns : ['.']) {
    const abs = path.resolve(options.cwd, pattern);
    let dir: string;
    try {
      dir = statSync(abs).isDirectory() ? abs : path.dirname(abs);
    } catch {
      continue; // a glob: its files are found under the folder the run started in
    }
    let root = dir;
    for (let d = dir; ; d = path.dirname(d)) {
      if (existsSync(path.join(d, '.git'))) {
        if (d === options.cwd || d.startsWith(options.cwd + path.sep)) root = d;
        break;
      }
      if (d === options.cwd || path.dirname(d) === d) break;
    }
    roots.add(root);
  }
  // A folder inside another is scanned with it.
  return [...roots].filter((r) => ![...roots].some((o) => o !== r && r.startsWith(o + path.sep))).sort();
}

/** A worker thread's side of `prepare`: the run's configs and packs, loaded as the main thread loaded them. */
export async function workerContext(
  setup: WorkerSetup,
  lintedCompose: Set<string>,
  reportOn: Set<string> | undefined,
  evidence: RepositoryEvidence | undefined,
): Promise<GroupContext> {
  const options = setup.run as unknown as RunOptions;
  const packs = createPackSet();
  const config = createConfigLoader(options, packs);
  for (const file of setup.files) await config.forFile(file);
  const dropTexts = options.keepTexts === false;
  // `projectRoot` is the one the main thread found (see `prepare`), `evidence` the one it read.
  const lintOptions: LintFilesOptions = {
    cwd: options.cwd,
    files: [],
    rules: packs.rules(),
    registry: packs,
    config,
    tool: TOOL,
    ...(options.projectRoot ? { projectRoot: options.projectRoot } : {}),
    ...untrusted(options),
    ...(evidence ? { evidence } : {}),
    ...(reportOn ? { reportOn } : {}),
    ...(dropTexts ? { dropTexts } : {}),
  };
  return groupContext(lintOptions, lintedCompose);
}

/**
 * Files named one by one (a pre-commit hook passes the staged ones) are linted
 * with their stack around them: the files under the nearest folder above them
 * that holds a compose file are read for context, and findings are reported
 * only in the files that were named.
 */
async function stackContext(
  files: DiscoveredFile[],
  walk: (dir: string) => Promise<DiscoveredFile[]>,
): Promise<{ files: DiscoveredFile[]; reportOn?: ReadonlySet<string> }> {
  const named = files.filter((f) => f.explicit);
  if (!named.length) return { files };
  const roots = new Set<string>();
  for (const f of named) {
    const root = await composeFolderAbove(path.dirname(f.path));
    if (root) roots.add(root);
  }
  if (!roots.size) return { files };
  const all = new Map(files.map((f) => [f.path, f]));
  for (const root of roots) for (const f of await walk(root)) if (!all.has(f.path)) all.set(f.path, f);
  return { files: [...all.values()].sort((a, b) => (a.path < b.path ? -1 : 1)), reportOn: new Set(files.map((f) => f.path)) };
}

const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][^/]*)?\.ya?ml$/i;

/** The nearest folder at or above `dir` holding a compose file, stopping at a repository root. */
async function composeFolderAbove(dir: string): Promise<string | undefined> {
  for (let d = dir; ; d = path.dirname(d)) {
    const names = await fs.readdir(d).catch(() => [] as string[]);
    if (names.some((n) => COMPOSE_NAME.test(n))) return d;
    if (names.includes('.git') || path.dirname(d) === d) return undefined;
  }
}

/** `--no-code-config` as the engine takes it. */
function untrusted(options: RunOptions): { codeConfig?: false } {
  return options.codeConfig === false ? { codeConfig: false } : {};
}

/** Discover, configure and lint: what the CLI does, as a function. `warn` hears of problems that do not change the findings (a cache that cannot be written). */
/** What a caller of `run`/`runFix` may want to keep of the run besides its result. */
export interface RunHooks {
  /** The run's config loader, once made: what it has read (peers' configs too) it does not read again. */
  onConfig?: (loader: ConfigLoader) => void;
  /** Evidence a cache keeps from an earlier run (see `openCache`). */
  evidenceMemo?: EvidenceMemo;
}

export async function run(options: RunOptions, warn?: (message: string) => void, hooks: RunHooks = {}): Promise<LintResult> {
  markRunStart();
  // With --cache, the cache file is read first: the repository's evidence it keeps spares collecting it again.
  const opened = options.cacheFile && !options.stdin ? await timedAsync('cache:read', () => openCache(options.cacheFile!, TOOL.version, options.cwd, undefined, warn ?? (() => {}))) : undefined;
  const prepared = await prepare(options, { ...hooks, ...(opened ? { evidenceMemo: opened.memo } : {}) });
  const result = await (opened ? lintWithCache(prepared, opened.file, warn, opened) : lintFiles(prepared));
  markRunEnd();
  return result;
}

/** Discover, configure, lint and fix in memory (nothing is written). */
export async function runFix(options: RunOptions & { unsafe: boolean }, hooks: RunHooks = {}): Promise<FixOutcome> {
  markRunStart();
  // Fixing works on the texts.
  const prepared = await prepare({ ...options, keepTexts: true }, hooks);
  const outcome = await fixFiles({ ...prepared, unsafe: options.unsafe });
  if (prepared.projectRoot) outcome.projectRoot = prepared.projectRoot;
  markRunEnd();
  return outcome;
}

declare const STACK_LINT_VERSION: string | undefined;

/** The bundle has the version compiled in; from sources, package.json is read. */
function readVersion(): string {
  if (typeof STACK_LINT_VERSION === 'string') return STACK_LINT_VERSION;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}

function statOrMissing(abs: string): 'file' | 'dir' | 'missing' {
  try {
    return statSync(abs).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'missing';
  }
}
