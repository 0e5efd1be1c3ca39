import { readFileSync } from 'node:fs';
import { ConfigLoader } from '../config/index.js';
import path from 'node:path';
import { discover, UsageError } from '../discover/discover.js';
import { kindFromName, kindFromShebang } from '../discover/classify.js';
import builtins from '../../rules/index.js';
import { CORE_RULE_METAS } from './core-rules.js';
import type { AnyRule, RulePack } from './define.js';
import { lintFiles, type LintFilesOptions } from './lint.js';
import { fixFiles, type FixOutcome } from '../fix/loop.js';
import { createRegistry, type RuleRegistry } from './registry.js';
import type { LintResult } from './result.js';
import type { RuleSetting } from '../config/types.js';

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
}

export const TOOL = {
  name: 'stack-lint',
  version: readVersion(),
  informationUri: 'https://github.com/stack-lint/stack-lint',
};

/** The rule packs of this run: the built-in one for now; org packs join here. */
export function loadPacks(): RulePack[] {
  return [builtins];
}

export function allRules(packs: readonly RulePack[]): AnyRule[] {
  return packs.flatMap((p) => p.rules);
}

export function registryOf(packs: readonly RulePack[]): RuleRegistry {
  return createRegistry([...allRules(packs).map((r) => r.meta), ...CORE_RULE_METAS]);
}

export function presetResolver(packs: readonly RulePack[]): (name: string) => Record<string, RuleSetting> | undefined {
  return (name) => {
    const [packName, preset = 'recommended'] = name.split(':');
    const pack = packs.find((p) => p.meta.name === packName);
    return pack?.presets?.[preset] as Record<string, RuleSetting> | undefined;
  };
}

export function createConfigLoader(options: RunOptions, packs: readonly RulePack[], registry: RuleRegistry): ConfigLoader {
  return new ConfigLoader({
    cwd: options.cwd,
    registry,
    ...(options.configFile ? { configFile: options.configFile } : {}),
    noConfigLookup: options.noConfigLookup ?? false,
    codeConfig: options.codeConfig ?? true,
    cliRules: options.cliRules ?? [],
    presets: presetResolver(packs),
    presetNames: packs.flatMap((p) => Object.keys(p.presets ?? {}).map((k) => `${p.meta.name}:${k}`)),
  });
}

/** Discovers the files and loads what linting them needs. */
export async function prepare(options: RunOptions): Promise<LintFilesOptions> {
  const packs = loadPacks();
  const registry = registryOf(packs);
  const config = createConfigLoader(options, packs, registry);
  if (options.stdin) {
    const file = path.resolve(options.cwd, options.stdin.filename);
    const kind = (await config.forFile(file)).kinds.kindOf(file) ?? kindFromName(path.basename(file)) ?? kindFromShebang(options.stdin.text.split('\n')[0] ?? '');
    if (!kind) throw new UsageError(`cannot tell what kind of file "${options.stdin.filename}" is (a compose file, Dockerfile or shell script): name it like one with --stdin-filename`);
    return { cwd: options.cwd, files: [{ path: file, kind }], overlay: new Map([[file, options.stdin.text]]), rules: allRules(packs), registry, config, tool: TOOL };
  }
  const files = await discover({
    cwd: options.cwd,
    patterns: options.patterns.length ? options.patterns : ['.'],
    ignore: options.ignorePatterns ?? [],
    isIgnored: async (abs) => (await config.forFile(abs)).ignores.matches(abs),
    kindOf: async (abs) => (await config.forFile(abs)).kinds.kindOf(abs),
    forceExclude: options.forceExclude ?? false,
    errorOnUnmatched: options.errorOnUnmatched ?? true,
  });
  return { cwd: options.cwd, files, rules: allRules(packs), registry, config, tool: TOOL };
}

/** Discover, configure and lint: what the CLI does, as a function. */
export async function run(options: RunOptions): Promise<LintResult> {
  return lintFiles(await prepare(options));
}

/** Discover, configure, lint and fix in memory (nothing is written). */
export async function runFix(options: RunOptions & { unsafe: boolean }): Promise<FixOutcome> {
  return fixFiles({ ...(await prepare(options)), unsafe: options.unsafe });
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
