import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cosmiconfig, defaultLoaders, type Loader, type Loaders, type PublicExplorer } from 'cosmiconfig';
import picomatch from 'picomatch';
import { parseDocument } from 'yaml';
import { loadJson, loadYaml, stripBom } from './read.js';
import type { RuleRegistry } from '../core/registry.js';
import type { RuleMeta } from '../core/rule.js';
import type { FileKind } from '../core/source.js';
import { ConfigError } from './errors.js';
import { kindFromName } from '../discover/classify.js';
import { fileKind } from '../kinds/index.js';
import { HADOLINT_FILES, SHELLCHECKRC_FILES, findUpwards, hadolintChanges, readHadolintConfig, readShellcheckRc, shellcheckRcChanges } from './peers.js';
import type { HadolintConfig, ShellcheckRc } from './types.js';
import { describeValue } from './schema.js';
import { didYouMean } from '../core/suggest.js';
import type {
  ConfigLoaderOptions,
  ConfigProject,
  RawProject,
  EffectiveConfig,
  KindMatcher,
  PathMatcher,
  PresetResolver,
  ResolvedRule,
  RuleSetting,
} from './types.js';
import {
  DEFAULT_LINTER_OPTIONS,
  checkRules,
  defaultOptions,
  validateConfig,
  type NormalizedConfig,
  type RuleChange,
} from './validate.js';

export const MODULE_NAME = 'stackpolicy';

/** Looked for in this order in each folder, from the linted file's folder upwards. */
export const SEARCH_PLACES: readonly string[] = [
  'package.json',
  `.${MODULE_NAME}rc`,
  `.${MODULE_NAME}rc.json`,
  `.${MODULE_NAME}rc.yaml`,
  `.${MODULE_NAME}rc.yml`,
  `.${MODULE_NAME}rc.js`,
  `.${MODULE_NAME}rc.cjs`,
  `.${MODULE_NAME}rc.mjs`,
  `${MODULE_NAME}.config.js`,
  `${MODULE_NAME}.config.mjs`,
  `${MODULE_NAME}.config.cjs`,
];

/**
 * The names in a folder, in lower case (a folder that ignores case finds
 * `.StackPolicyRC` when asked for `.stackpolicyrc`: the check must not miss
 * it; cosmiconfig then decides); undefined when the folder cannot be listed.
 */
function folderNames(dir: string): Set<string> | undefined {
  try {
    return new Set(readdirSync(dir).map((n) => n.toLowerCase()));
  } catch {
    return undefined;
  }
}

/** Extensions whose loading runs code: cosmiconfig has loaders for all of them. */
const CODE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];

/**
 * What cosmiconfig 9 reads from `process.cwd()` as its own "meta config"
 * whenever an explorer is created, with its default loaders (so JS runs)
 * whatever loaders we pass. Checked before creating one under --no-code-config.
 */
const META_SEARCH_PLACES = [
  'package.json',
  'package.yaml',
  '.config/config.json',
  '.config/config.yaml',
  '.config/config.yml',
  '.config/config.js',
  '.config/config.ts',
  '.config/config.cjs',
  '.config/config.mjs',
];

export const RECOMMENDED_PRESET = 'stack-lint:recommended';
export const ALL_PRESET = 'stack-lint:all';
export const BUILTIN_PRESET_NAMES: readonly string[] = [RECOMMENDED_PRESET, ALL_PRESET];

function recommendedSeverity(meta: RuleMeta): ResolvedRule['severity'] {
  return meta.recommended === false ? 'off' : meta.severity;
}

/** `stack-lint:recommended` (the defaults) and `stack-lint:all` (every rule at its default severity). */
export function builtinPresets(registry: RuleRegistry): PresetResolver {
  return (name) => {
    if (name !== RECOMMENDED_PRESET && name !== ALL_PRESET) return undefined;
    const rules: Record<string, RuleSetting> = {};
    for (const id of registry.ids()) {
      const meta = registry.get(id)!;
      rules[id] = name === ALL_PRESET ? meta.severity : recommendedSeverity(meta);
    }
    return rules;
  };
}

function refusal(file: string): string {
  return `refusing to execute ${file} because --no-code-config is set`;
}

function isCodeFile(file: string): boolean {
  return CODE_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** The part of a loaded file that is our config: the `stackpolicy` key of a package.json. */
function ownPart(file: string, data: unknown, packageProp: string): unknown {
  const ext = path.extname(file);
  if (path.basename(file, ext) !== 'package') return data;
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[packageProp] : undefined;
}

function importsOf(data: unknown): unknown[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !Object.hasOwn(data, '$import')) return [];
  const value = (data as Record<string, unknown>).$import;
  return Array.isArray(value) ? value : [value];
}

/**
 * Checks the `$import` targets of a loaded file before cosmiconfig follows
 * them: a code file under --no-code-config is refused, and a missing file is
 * an error (cosmiconfig's search would take the ENOENT for "no config here"
 * and silently skip the importing file).
 */
function checkImports(file: string, data: unknown, codeConfig: boolean, packageProp: string): void {
  for (const target of importsOf(ownPart(file, data, packageProp))) {
    if (typeof target !== 'string' || !target) {
      throw new ConfigError(`expected a path or a list of paths; got ${describeValue(target)}`, { file, keyPath: '$import' });
    }
    const abs = path.resolve(path.dirname(file), target);
    if (!codeConfig && isCodeFile(abs)) throw new ConfigError(refusal(abs), { file, keyPath: '$import' });
    if (!existsSync(abs)) throw new ConfigError(`cannot find ${abs}`, { file, keyPath: '$import' });
  }
}

function makeLoaders(codeConfig: boolean): Loaders {
  const checked =
    (load: (file: string, content: string) => unknown): Loader =>
    async (file, content) => {
      const data: unknown = await load(file, content);
      checkImports(file, data, codeConfig, MODULE_NAME);
      return data;
    };
  const loaders: Loaders = {
    '.json': checked(loadJson),
    '.yaml': checked(loadYaml),
    '.yml': checked(loadYaml),
    noExt: checked(loadYaml),
  };
  // cosmiconfig merges these over its defaults, so every code extension must
  // be replaced, not just left out.
  for (const ext of CODE_EXTENSIONS) {
    const builtin = (defaultLoaders as Loaders)[ext];
    loaders[ext] = codeConfig
      ? checked(builtin ?? ((file) => {
          throw new ConfigError(`cannot load ${file}: no loader for ${ext} files`);
        }))
      : (file) => {
          throw new ConfigError(refusal(file));
        };
  }
  return loaders;
}

/**
 * The meta config cosmiconfig 9 takes from `dir` (the working directory) when
 * an explorer is created: the first of META_SEARCH_PLACES that exists (a
 * package file only with a `cosmiconfig` key). `empty`: taken as empty, it
 * changes nothing; `code`: a JavaScript file, run with cosmiconfig's default
 * loaders; `unparsable`: cosmiconfig fails on it before running anything.
 */
type MetaConfig = { file: string } & ({ kind: 'empty' | 'code' | 'unparsable' } | { kind: 'data'; data: unknown });

function findMetaConfig(dir: string): MetaConfig | undefined {
  for (const place of META_SEARCH_PLACES) {
    const file = path.join(dir, place);
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (content.trim() === '') return { file, kind: 'empty' };
    if (isCodeFile(file)) return { file, kind: 'code' };
    let data: unknown;
    try {
      data = file.endsWith('.json') ? JSON.parse(stripBom(content)) : parseDocument(stripBom(content)).toJS();
    } catch {
      return { file, kind: 'unparsable' };
    }
    if (place.startsWith('package.')) {
      data = data !== null && typeof data === 'object' ? (data as Record<string, unknown>).cosmiconfig : undefined;
      if (data === undefined || data === null) continue;
    }
    return { file, kind: 'data', data };
  }
  return undefined;
}

/**
 * A cosmiconfig meta config in `dir` may set other search places for
 * stack-lint's config: then no folder may be passed over for lacking one of
 * ours. One that cannot be read as data counts as present.
 */
function hasMetaConfig(dir: string = process.cwd()): boolean {
  const meta = findMetaConfig(dir);
  return meta !== undefined && meta.kind !== 'empty';
}

/**
 * Throws when creating a cosmiconfig explorer would run code: cosmiconfig 9
 * loads its meta config from `process.cwd()` (see `findMetaConfig`,
 * `$import`s included) with its default loaders.
 */
export function checkMetaConfig(dir: string = process.cwd()): void {
  const refuse = (file: string): ConfigError =>
    new ConfigError(`${refusal(file)} (cosmiconfig loads it as its meta config from the working directory)`);
  const meta = findMetaConfig(dir);
  if (meta?.kind === 'code') throw refuse(meta.file);
  if (meta?.kind === 'data') checkMetaImports(meta.file, meta.data, new Set([meta.file]), refuse);
}

function checkMetaImports(file: string, data: unknown, seen: Set<string>, refuse: (file: string) => ConfigError): void {
  for (const target of importsOf(data)) {
    if (typeof target !== 'string') continue;
    const abs = path.resolve(path.dirname(file), target);
    if (isCodeFile(abs)) throw refuse(abs);
    if (seen.has(abs)) continue;
    seen.add(abs);
    let next: unknown;
    try {
      const content = stripBom(readFileSync(abs, 'utf8'));
      next = abs.endsWith('.json') ? JSON.parse(content) : parseDocument(content).toJS();
    } catch {
      continue;
    }
    checkMetaImports(abs, next, seen, refuse);
  }
}

/** Rewords errors from cosmiconfig (imports, missing files) as ConfigErrors. */
function asConfigError(err: unknown, file?: string): ConfigError {
  if (err instanceof ConfigError) return err;
  const e = err as Error & { code?: string; filepath?: string };
  const where = e.filepath ?? file;
  if (e.code === 'ENOENT' && where !== undefined && where === file) return new ConfigError('cannot read the config file: no such file', { file, cause: err });
  let reason = e.message ?? String(err);
  if (where !== undefined && reason.startsWith(`${where}: `)) reason = reason.slice(where.length + 2);
  return new ConfigError(reason, { file: where, cause: err });
}

// ---------------------------------------------------------------- globs

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * A config glob as picomatch patterns relative to its base folder:
 * `/x` and `a/b` are anchored, `x` matches at any depth, `x/` matches what
 * is inside a folder `x`; with `contents`, a pattern matching a folder also
 * matches everything in it (as in .gitignore).
 */
function expandGlob(pattern: string, contents: boolean): string[] {
  let p = pattern.replace(/^(\.\/)+/, '');
  const dirOnly = p.endsWith('/');
  p = p.replace(/\/+$/, '');
  const anchored = p.includes('/');
  p = p.replace(/^\/+/, '');
  if (!p) return [];
  const body = anchored ? p : `**/${p}`;
  if (dirOnly) return [`${body}/**`];
  return contents ? [body, `${body}/**`] : [body];
}

function compileGlobs(patterns: readonly string[], contents: boolean): (rel: string) => boolean {
  const globs = patterns.flatMap((p) => expandGlob(p, contents));
  if (!globs.length) return () => false;
  return picomatch(globs, { dot: true });
}

/** Path of `absPath` relative to `base` with `/`, or undefined when outside it. */
function relativeInside(base: string, absPath: string): string | undefined {
  const rel = path.relative(base, absPath);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return toPosix(rel);
}

export function createPathMatcher(base: string, patterns: readonly string[], contents: boolean): PathMatcher {
  const test = compileGlobs(patterns, contents);
  return {
    base,
    patterns: [...patterns],
    matches(absPath) {
      const rel = relativeInside(base, absPath);
      return rel !== undefined && test(rel);
    },
  };
}

export function createKindMatcher(base: string, entries: readonly (readonly [string, FileKind])[]): KindMatcher {
  const tests = entries.map(([glob, kind]) => [compileGlobs([glob], false), kind] as const);
  return {
    base,
    entries: entries.map(([glob, kind]) => [glob, kind] as const),
    kindOf(absPath) {
      const rel = relativeInside(base, absPath);
      if (rel === undefined) return undefined;
      return tests.find(([test]) => test(rel))?.[1];
    },
  };
}

// ---------------------------------------------------------------- resolution

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Objects merged key by key, recursively; anything else (arrays too) replaced. */
function mergeSettings(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    out[key] = isPlainObject(prev) && isPlainObject(value) ? mergeSettings(prev, value) : value;
  }
  return out;
}

/**
 * Later wins, finding by finding: a change naming a rule sets all of its
 * findings (codes set before included); one naming a code of a rule that
 * stands for several sets that code's findings only.
 */
export function applyChanges(rules: Map<string, ResolvedRule>, changes: readonly RuleChange[]): void {
  for (const change of changes) {
    const prev = rules.get(change.id);
    // A bare severity keeps the options set before (or the defaults).
    const options = change.options ?? prev?.options ?? {};
    if (change.code === undefined) {
      rules.set(change.id, { severity: change.severity, options });
      continue;
    }
    const codes = new Map(prev?.codes ?? []);
    codes.set(change.code, change.severity);
    rules.set(change.id, { severity: prev?.severity ?? 'off', options, codes });
  }
}

interface Prepared {
  configPath?: string;
  base: string;
  config: NormalizedConfig;
  baseRules: Map<string, ResolvedRule>;
  /** Defaults and `extends` only: peers' configs go on top of these, under the config's own `rules`. */
  presetRules: Map<string, ResolvedRule>;
  overrideMatchers: PathMatcher[];
  ignores: PathMatcher;
  kinds: KindMatcher;
  projects: ConfigProject[];
  /** Effective configs by the list of matching overrides. */
  effective: Map<string, EffectiveConfig>;
}

interface Found {
  filepath: string;
  config: unknown;
}

const EMPTY_CONFIG: NormalizedConfig = {
  extends: [],
  plugins: [],
  rules: [],
  overrides: [],
  environments: {},
  ignores: [],
  kinds: [],
  settings: {},
  linterOptions: { ...DEFAULT_LINTER_OPTIONS },
  projects: [],
};

/**
 * `--rule` values: `id: severity` or `id: [severity, {options}]` (the value
 * is YAML, so JSON works too). The id may be a peer code.
 */
export function parseCliRule(text: string, registry: RuleRegistry, opts: { idsLater?: boolean } = {}): RuleChange[] {
  const flag = `--rule ${JSON.stringify(text)}`;
  const malformed = (): never => {
    throw new ConfigError('expected "<rule-id>: <severity>" or "<rule-id>: [<severity>, {<options>}]"', { keyPath: flag });
  };
  let colon = text.search(/:\s/);
  if (colon < 0) colon = text.indexOf(':');
  if (colon < 0) return malformed();
  const key = text
    .slice(0, colon)
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2');
  const valueText = text.slice(colon + 1).trim();
  if (!key || !valueText) return malformed();
  const keyPath = `--rule ${JSON.stringify(key)}`;
  const doc = parseDocument(valueText, { prettyErrors: false });
  if (doc.errors.length) throw new ConfigError(`invalid value: ${doc.errors[0]!.message}`, { keyPath });
  // Before plugins load, an id may belong to a pack not yet known: check the form only.
  if (opts.idsLater && !registry.get(key) && !registry.byCompatCode(key).length) return [];
  return checkRules({ [key]: doc.toJS() as unknown }, registry, { keyPath: () => keyPath });
}

/**
 * Finds and resolves the configuration of each linted file.
 *
 * Lookup: from the file's folder upwards, the first folder holding one of
 * SEARCH_PLACES wins (configs do not cascade); the walk ends after the
 * first folder that contains `.git`, or at the filesystem root. Each folder
 * is searched once per loader.
 *
 * Resolution, later wins: defaults (each rule's `meta.severity`, or off when
 * `meta.recommended === false`; options = schema defaults) ← `extends`
 * presets in order ← `rules` ← matching `overrides` in order ← `cliRules`.
 * A bare severity keeps the options set before it; `[severity, options]`
 * replaces them (schema defaults filled in).
 */
export class ConfigLoader {
  private readonly cwd: string;
  private readonly registry: RuleRegistry;
  private readonly configFile?: string;
  private readonly noConfigLookup: boolean;
  private readonly codeConfig: boolean;
  private readonly presets: PresetResolver;
  private readonly presetNames: () => readonly string[];
  private readonly cliRules: readonly string[];
  private readonly loadPlugins?: (plugins: readonly string[], configFile: string) => Promise<void>;
  private readonly registerPolicies?: ConfigLoaderOptions['registerPolicies'];

  private explorerInstance?: PublicExplorer;
  /** The working directory has a cosmiconfig meta config (see `hasMetaConfig`). */
  private metaConfig?: boolean;
  private readonly dirCache = new Map<string, Promise<Found | null>>();
  private readonly preparedCache = new Map<string, Promise<Prepared>>();
  private readonly presetCache = new Map<string, RuleChange[]>();
  private noConfig?: Prepared;
  private readonly peerCache = new Map<string, HadolintConfig | ShellcheckRc>();
  private readonly peerDirCache = new Map<string, string | undefined>();

  /** Throws a ConfigError for a malformed `cliRules` entry. */
  constructor(options: ConfigLoaderOptions) {
    this.cwd = path.resolve(options.cwd);
    this.registry = options.registry;
    if (options.configFile !== undefined) this.configFile = path.resolve(this.cwd, options.configFile);
    this.noConfigLookup = options.noConfigLookup ?? false;
    this.codeConfig = options.codeConfig ?? true;
    this.presets = options.presets ?? builtinPresets(options.registry);
    const names = options.presetNames ?? BUILTIN_PRESET_NAMES;
    this.presetNames = typeof names === 'function' ? names : () => names;
    this.cliRules = options.cliRules ?? [];
    if (options.loadPlugins) this.loadPlugins = options.loadPlugins;
    if (options.registerPolicies) this.registerPolicies = options.registerPolicies;
    // Malformed --rule values fail at once; ids are checked again when packs may have added rules.
    for (const text of this.cliRules) parseCliRule(text, options.registry, { idsLater: true });
  }

  /** `--rule` values, checked against the rules known now (packs included). */
  private cliChanges(): RuleChange[] {
    return this.cliRules.flatMap((text) => parseCliRule(text, this.registry));
  }

  /** Every known rule at its recommended severity and default options. */
  private defaults(): Map<string, ResolvedRule> {
    const out = new Map<string, ResolvedRule>();
    for (const id of this.registry.ids()) {
      const meta = this.registry.get(id)!;
      out.set(id, { severity: recommendedSeverity(meta), options: defaultOptions(meta) });
    }
    return out;
  }

  /**
   * The configuration of one file (absolute, or relative to `cwd`). `kind`: the
   * file's kind when the run knows it (a Dockerfile the repository's
   * `docker build -f` names, whatever its name), which decides the peer config
   * that applies; otherwise the config's `kinds:` and the file name decide.
   */
  async forFile(absPath: string, kind?: FileKind): Promise<EffectiveConfig> {
    return (await this.resolve(absPath, kind)).effective;
  }

  /**
   * The ignores that apply to files directly inside `dir`. To prune a
   * folder while walking, ask for its parent: `(await ignoresFor(parent)).matches(folder)`.
   */
  async ignoresFor(dir: string): Promise<PathMatcher> {
    return (await this.preparedFor(path.resolve(this.cwd, dir))).ignores;
  }

  /** Whether the config that applies to `absPath` ignores it. */
  async isIgnored(absPath: string): Promise<boolean> {
    const file = path.resolve(this.cwd, absPath);
    return (await this.ignoresFor(path.dirname(file))).matches(file);
  }

  /** The resolved configuration of a file as plain JSON, for `--print-config`; `kind` as for `forFile`. */
  async printConfig(absPath: string, kind?: FileKind): Promise<Record<string, unknown>> {
    const { prepared, effective } = await this.resolve(absPath, kind);
    const rules: Record<string, unknown> = {};
    const codes: Record<string, Record<string, string>> = {};
    for (const id of [...effective.rules.keys()].sort()) {
      const rule = effective.rules.get(id)!;
      rules[id] = Object.keys(rule.options).length ? [rule.severity, rule.options] : rule.severity;
      if (rule.codes?.size) codes[id] = Object.fromEntries(rule.codes);
    }
    return {
      configPath: effective.configPath ?? null,
      basePath: prepared.base,
      extends: [...prepared.config.extends],
      plugins: [...effective.plugins],
      overrides: [...effective.overrides],
      rules,
      ...(Object.keys(codes).length ? { codes } : {}),
      settings: effective.settings,
      ignores: [...effective.ignores.patterns],
      kinds: Object.fromEntries(effective.kinds.entries),
      linterOptions: { ...effective.linterOptions },
      ...(effective.projects.length ? { projects: effective.projects.map(({ at: _at, ...p }) => p) } : {}),
    };
  }

  private async resolve(absPath: string, kind?: FileKind): Promise<{ prepared: Prepared; effective: EffectiveConfig }> {
    const file = path.resolve(this.cwd, absPath);
    const prepared = await this.preparedFor(path.dirname(file));
    const matched: number[] = [];
    prepared.overrideMatchers.forEach((m, i) => {
      if (m.matches(file)) matched.push(i);
    });
    const peer = this.peerFor(file, kind ?? prepared.kinds.kindOf(file));
    const key = `${matched.join(',')}|${peer?.file ?? ''}`;
    let effective = prepared.effective.get(key);
    if (!effective) {
      let rules = new Map(prepared.baseRules);
      if (peer) {
        rules = new Map(prepared.presetRules);
        applyChanges(rules, peer.kind === 'hadolint' ? hadolintChanges(peer, this.registry, rules) : shellcheckRcChanges(peer, this.registry, rules));
        applyChanges(rules, prepared.config.rules);
      }
      let settings = prepared.config.settings;
      for (const i of matched) {
        const override = prepared.config.overrides[i]!;
        applyChanges(rules, override.rules);
        settings = mergeSettings(settings, override.settings);
      }
      applyChanges(rules, this.cliChanges());
      effective = {
        rules,
        settings,
        ignores: prepared.ignores,
        kinds: prepared.kinds,
        projects: prepared.projects,
        linterOptions: prepared.config.linterOptions,
        plugins: prepared.config.plugins,
        overrides: matched,
      };
      if (prepared.configPath !== undefined) effective.configPath = prepared.configPath;
      if (peer) effective.peer = peer;
      prepared.effective.set(key, effective);
    }
    return { prepared, effective };
  }

  /**
   * The peer config that applies to a file: that of its kind's peer linter
   * (`.hadolint.yaml` for a Dockerfile, `.shellcheckrc` for a script; a file
   * whose name says no kind may be a script by its shebang), found upwards
   * from the file's folder. The kind the run found, then the config's
   * `kinds:`, decide before the file name does.
   */
  private peerFor(file: string, configuredKind?: FileKind): HadolintConfig | ShellcheckRc | undefined {
    const kind = configuredKind ?? kindFromName(path.basename(file));
    const peer = kind === undefined ? 'shellcheck' : fileKind(kind).peer;
    if (peer === undefined) return undefined;
    return peer === 'hadolint' ? this.hadolintConfigAt(path.dirname(file)) : this.shellcheckRcAt(path.dirname(file));
  }

  /**
   * The `.hadolint.yaml` that applies in `dir` (found upwards, as for a
   * Dockerfile there), read once per loader: the CLI takes hadolint's
   * `failure-threshold` from here. None with `--no-config-lookup`.
   */
  hadolintConfigAt(dir: string): HadolintConfig | undefined {
    return this.peerAt(path.resolve(this.cwd, dir), 'hadolint') as HadolintConfig | undefined;
  }

  /** The `.shellcheckrc` that applies in `dir`, read once per loader. None with `--no-config-lookup`. */
  shellcheckRcAt(dir: string): ShellcheckRc | undefined {
    return this.peerAt(path.resolve(this.cwd, dir), 'shellcheck') as ShellcheckRc | undefined;
  }

  /**
   * The peer's config file that applies in `dir` (as `findUpwards` finds it),
   * each folder looked at once per loader: the folders of a tree share their
   * parents, which were otherwise looked in again for every folder below them.
   */
  private peerFileFrom(dir: string, tool: 'hadolint' | 'shellcheck'): string | undefined {
    const dirKey = `${tool}:${dir}`;
    if (this.peerDirCache.has(dirKey)) return this.peerDirCache.get(dirKey);
    let found = findUpwards(dir, tool === 'hadolint' ? HADOLINT_FILES : SHELLCHECKRC_FILES, { levels: 1 });
    if (found === null) found = this.peerFileFrom(path.dirname(dir), tool);
    this.peerDirCache.set(dirKey, found);
    return found;
  }

  private peerAt(dir: string, tool: 'hadolint' | 'shellcheck'): HadolintConfig | ShellcheckRc | undefined {
    if (this.noConfigLookup) return undefined;
    const hadolint = tool === 'hadolint';
    const found = this.peerFileFrom(dir, tool);
    if (!found) return undefined;
    let peer = this.peerCache.get(found);
    if (!peer) {
      peer = hadolint ? readHadolintConfig(found) : readShellcheckRc(found, this.registry);
      this.peerCache.set(found, peer);
    }
    return peer;
  }

  private async preparedFor(dir: string): Promise<Prepared> {
    if (this.noConfigLookup) return this.prepareNone();
    if (this.configFile !== undefined) {
      const file = this.configFile;
      return this.cachedPrepare(file, async () => {
        let result;
        try {
          result = await this.explorer().load(file);
        } catch (err) {
          throw asConfigError(err, file);
        }
        // `-c` globs are relative to the working directory, as with ESLint's `-c`.
        return this.prepare({ filepath: file, config: result?.config }, this.cwd);
      });
    }
    const found = await this.locate(dir);
    if (!found) return this.prepareNone();
    return this.cachedPrepare(found.filepath, () => this.prepare(found, baseFolderOf(found.filepath)));
  }

  private cachedPrepare(key: string, make: () => Promise<Prepared>): Promise<Prepared> {
    let p = this.preparedCache.get(key);
    if (!p) {
      p = make();
      this.preparedCache.set(key, p);
    }
    return p;
  }

  /** The config for files in `dir`: searched here, then in the parent, up to `.git` or the root. */
  private locate(dir: string): Promise<Found | null> {
    let p = this.dirCache.get(dir);
    if (!p) {
      p = this.searchFolder(dir);
      this.dirCache.set(dir, p);
    }
    return p;
  }

  private async searchFolder(dir: string): Promise<Found | null> {
    const names = folderNames(dir);
    let result;
    // Most folders hold no config: one listing tells, where cosmiconfig would try to open each of SEARCH_PLACES
    // (unless a meta config may have moved them).
    this.metaConfig ??= hasMetaConfig();
    if (!names || this.metaConfig || SEARCH_PLACES.some((place) => names.has(place.toLowerCase()))) {
      try {
        // searchStrategy 'none': this folder only; the walk is ours.
        result = await this.explorer().search(dir);
      } catch (err) {
        throw asConfigError(err);
      }
    }
    if (result) return { filepath: result.filepath, config: result.config };
    if (names ? names.has('.git') : existsSync(path.join(dir, '.git'))) return null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    return this.locate(parent);
  }

  private explorer(): PublicExplorer {
    if (!this.explorerInstance) {
      if (!this.codeConfig) checkMetaConfig();
      try {
        this.explorerInstance = cosmiconfig(MODULE_NAME, {
          searchPlaces: [...SEARCH_PLACES],
          searchStrategy: 'none',
          packageProp: MODULE_NAME,
          loaders: makeLoaders(this.codeConfig),
          // An empty config file is still the config of its folder.
          ignoreEmptySearchPlaces: false,
          // `$import` arrays replace, so `[severity, options]` settings are never concatenated.
          mergeImportArrays: false,
          cache: true,
        });
      } catch (err) {
        throw asConfigError(err);
      }
    }
    return this.explorerInstance;
  }

  private prepareNone(): Prepared {
    this.noConfig ??= this.build(undefined, this.cwd, EMPTY_CONFIG);
    return this.noConfig;
  }

  private async prepare(found: Found, base: string): Promise<Prepared> {
    const plugins = (found.config as { plugins?: unknown } | undefined)?.plugins;
    if (Array.isArray(plugins) && plugins.length && plugins.every((p) => typeof p === 'string')) {
      if (!this.codeConfig) {
        throw new ConfigError(`refusing to load plugins (${plugins.join(', ')}) because --no-code-config is set`, { file: found.filepath, keyPath: 'plugins' });
      }
      try {
        await this.loadPlugins?.(plugins as string[], found.filepath);
      } catch (e) {
        if (e instanceof ConfigError) throw e;
        throw new ConfigError((e as Error).message, { file: found.filepath, keyPath: 'plugins' });
      }
    }
    const policies = this.registerPolicies?.((found.config as { policies?: unknown } | undefined)?.policies, found.filepath) ?? [];
    const config = validateConfig(found.config ?? {}, this.registry, found.filepath);
    // A config's policies are on for its files (off elsewhere); its `rules:` may still change them.
    config.rules.unshift(...policies.map((p) => ({ id: p.id, severity: p.severity })));
    return this.build(found.filepath, base, config);
  }

  private build(configPath: string | undefined, base: string, config: NormalizedConfig): Prepared {
    const presetRules = this.defaults();
    config.extends.forEach((name, i) => {
      applyChanges(presetRules, this.presetChanges(name, configPath, `extends[${i}]`));
    });
    const baseRules = new Map(presetRules);
    applyChanges(baseRules, config.rules);
    const prepared: Prepared = {
      base,
      config,
      baseRules,
      presetRules,
      overrideMatchers: config.overrides.map((o) => overrideMatcher(base, o, config.environments)),
      ignores: createPathMatcher(base, config.ignores, true),
      kinds: createKindMatcher(base, config.kinds),
      projects: configProjects(configPath, base, config.projects),
      effective: new Map(),
    };
    if (configPath !== undefined) prepared.configPath = configPath;
    return prepared;
  }

  private presetChanges(name: string, file: string | undefined, keyPath: string): RuleChange[] {
    let changes = this.presetCache.get(name);
    if (!changes) {
      const settings = this.presets(name);
      if (!settings) {
        throw new ConfigError(`unknown preset "${name}"${didYouMean(name, this.presetNames())}`, { file, keyPath });
      }
      changes = checkRules(settings, this.registry, {
        keyPath: (key) => `preset "${name}": rules[${JSON.stringify(key)}]`,
      });
      this.presetCache.set(name, changes);
    }
    return changes;
  }
}

/**
 * An override applies to files its `files` globs match and that lie in one of
 * its environments; with only one of the two given, that one decides.
 */
function overrideMatcher(base: string, o: NormalizedConfig['overrides'][number], environments: Record<string, string[]>): PathMatcher {
  const byFiles = o.files.length ? createPathMatcher(base, o.files, false) : undefined;
  const envGlobs = o.environments.flatMap((name) => environments[name] ?? []);
  const byEnv = o.environments.length ? createPathMatcher(base, envGlobs, false) : undefined;
  return {
    base,
    patterns: [...o.files, ...o.environments.map((e) => `environment:${e}`)],
    matches: (abs) => (byFiles ? byFiles.matches(abs) : true) && (byEnv ? byEnv.matches(abs) : true),
  };
}

/** Globs are relative to the config's folder, or to the project folder for `.config/<file>`. */
function baseFolderOf(configPath: string): string {
  const dir = path.dirname(configPath);
  return path.basename(dir) === '.config' ? path.dirname(dir) : dir;
}

/**
 * `projects:` with paths resolved against the config file's folder, each with
 * the line that declares it (found by its first file in the text: cosmiconfig
 * hands over values, not positions).
 */
function configProjects(configPath: string | undefined, base: string, raw: readonly RawProject[]): ConfigProject[] {
  if (!raw.length) return [];
  let lines: string[] = [];
  try {
    lines = configPath ? readFileSync(configPath, 'utf8').split(/\r?\n/) : [];
  } catch {
    lines = [];
  }
  return raw.map((p) => {
    const files = (typeof p.files === 'string' ? [p.files] : p.files).map((f) => path.resolve(base, f));
    const first = typeof p.files === 'string' ? p.files : p.files[0];
    const index = first === undefined ? -1 : lines.findIndex((l) => l.includes(first));
    return {
      ...(p.name ? { name: p.name } : {}),
      files,
      envFiles: (p.envFiles ?? []).map((f) => path.resolve(base, f)),
      profiles: [...(p.profiles ?? [])],
      ...(p.projectDirectory ? { projectDirectory: path.resolve(base, p.projectDirectory) } : {}),
      at: { file: configPath ?? base, line: index + 1 || 1 },
    };
  });
}
