import type { SeveritySetting } from '../core/diagnostic.js';
import type { RuleRegistry } from '../core/registry.js';
import type { FileKind } from '../core/source.js';

export type { SeveritySetting };

/** Options object of one rule, as given in config (validated against the rule's `meta.options`). */
export type RuleOptions = Record<string, unknown>;

/**
 * What a `rules` entry may hold: a severity, or `[severity]`, or
 * `[severity, options]`. Only the names `off|info|warning|error` are
 * severities; numbers (ESLint's 0/1/2) are refused.
 */
export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, RuleOptions];

export interface RawOverride {
  /** Globs relative to the config file's folder; one without `/` matches the base name at any depth. */
  files?: string | string[];
  /** Names from `environments`. */
  environment?: string | string[];
  rules?: Record<string, RuleSetting>;
  settings?: Record<string, unknown>;
}

export interface LinterOptions {
  /** Severity of the report about `# stack-lint-disable` comments that suppress nothing. Default `warning`. */
  reportUnusedDisableDirectives: SeveritySetting;
  /** Ignore suppression comments in the files. */
  noInlineConfig?: boolean;
  /** Report suppression comments without a `-- reason`. */
  requireSuppressionReason?: boolean;
}

/** What a `.stackpolicyrc` holds (after cosmiconfig has merged any `$import`). */
export interface RawConfig {
  $schema?: string;
  /** Presets applied in order on top of the defaults, e.g. `stack-lint:recommended`. */
  extends?: string | string[];
  /** Kept, not loaded yet. */
  plugins?: string[];
  /** Rule ids or peer codes (`DL3008`, `SC2086`, BuildKit check names) → setting. */
  rules?: Record<string, RuleSetting>;
  overrides?: RawOverride[];
  /** Named file sets: name → globs relative to the config file's folder. */
  environments?: Record<string, string[]>;
  /** Declarative checks, each a rule (see docs/policies.md). */
  policies?: unknown[];
  /** Globs (relative to the config file's folder) of files never linted. */
  ignores?: string[];
  /** Extra globs (relative to the config file's folder) → file kind. */
  kinds?: Record<string, FileKind>;
  /** Free-form, shared by all rules. */
  settings?: Record<string, unknown>;
  linterOptions?: Partial<LinterOptions>;
  /** How the repository's compose files combine, when its scripts and docs do not say (paths relative to this file's folder). */
  projects?: RawProject[];
}

/** One compose project as `docker compose` is run for it: `-f` files in order, env files, profiles, project directory. */
export interface RawProject {
  name?: string;
  files: string | string[];
  envFiles?: string[];
  profiles?: string[];
  projectDirectory?: string;
}

/** A `projects:` entry with absolute paths, and the config file and line that declare it. */
export interface ConfigProject {
  name?: string;
  files: string[];
  envFiles: string[];
  profiles: string[];
  projectDirectory?: string;
  at: { file: string; line: number };
}

export interface ResolvedRule {
  severity: SeveritySetting;
  /** The rule's options with its schema defaults filled in. */
  options: RuleOptions;
  /**
   * For a rule that stands for several peer codes: the severity of the
   * findings of a code (a finding's `compat`) set on its own, by a peer's
   * config (`ignored: [DL3009]`, `disable=SC2046`) or a `rules:` key that is
   * a code. `off` drops those findings; another severity replaces `severity`
   * for them, and makes the rule run even when `severity` is `off` (its
   * other findings are then dropped).
   */
  codes?: ReadonlyMap<string, SeveritySetting>;
}

/** Globs of one config, matched against absolute paths. */
export interface PathMatcher {
  /** Absolute folder the patterns are relative to. */
  readonly base: string;
  /** The patterns as written in the config. */
  readonly patterns: readonly string[];
  matches(absPath: string): boolean;
}

export interface KindMatcher {
  /** Absolute folder the globs are relative to. */
  readonly base: string;
  /** `[glob, kind]` in config order; the first glob that matches decides. */
  readonly entries: readonly (readonly [string, FileKind])[];
  kindOf(absPath: string): FileKind | undefined;
}

/**
 * The configuration that applies to one file. Objects are shared between
 * files that resolve alike: treat everything as read-only.
 */
export interface EffectiveConfig {
  /** Every known rule, `off` ones included. */
  rules: Map<string, ResolvedRule>;
  settings: Record<string, unknown>;
  ignores: PathMatcher;
  kinds: KindMatcher;
  linterOptions: LinterOptions;
  plugins: string[];
  /** Absolute path of the config file; absent when none was found or lookup is off. */
  configPath?: string;
  /** Indexes of the `overrides` entries that matched the file, in order. */
  overrides: number[];
  /** The `projects:` of the config file. */
  projects: ConfigProject[];
  /** The peer's config that applied (`.hadolint.yaml` to a Dockerfile, `.shellcheckrc` to a script). */
  peer?: HadolintConfig | ShellcheckRc;
}

/** Rule settings of a named preset (`stack-lint:recommended`), or undefined when the name is unknown. */
export type PresetResolver = (name: string) => Record<string, RuleSetting> | undefined;

export interface ConfigLoaderOptions {
  /** Working directory: `configFile` and relative paths resolve against it. */
  cwd: string;
  registry: RuleRegistry;
  /** `-c/--config`: use only this file, no lookup. */
  configFile?: string;
  /** `--no-config-lookup`: use no config file (defaults, presets and `cliRules` only). */
  noConfigLookup?: boolean;
  /**
   * Default true. False (`--no-code-config`): only JSON/YAML configs and
   * package.json may load; a JS config that would be loaded is an error,
   * and so is a `$import` of one.
   */
  codeConfig?: boolean;
  /** `--rule` values, `id: severity` or `id: [severity, {options}]`, applied last. */
  cliRules?: string[];
  /** Resolves `extends` names; defaults to the built-in `stack-lint:recommended` and `stack-lint:all`. */
  presets?: PresetResolver;
  /** Preset names known to `presets`, used only to suggest a name for a typo. */
  presetNames?: string[] | (() => string[]);
  /**
   * Loads the packs a config names in `plugins:` (relative to the config file's
   * folder) before the config is validated, so it may configure their rules.
   * Without it, `plugins:` is kept (see `printConfig`) and nothing is loaded.
   */
  loadPlugins?: (plugins: readonly string[], configFile: string) => Promise<void>;
  /**
   * Turns a config's `policies:` into rules and registers them (they join the
   * registry like a pack's); gives their ids and default severities. The
   * loader only reads config: making rules is the rule kit's job, and the
   * caller wires the two together. Without it, `policies:` define nothing.
   */
  registerPolicies?: (policies: unknown, configFile: string) => readonly { id: string; severity: import('../core/diagnostic.js').Severity }[];
}

/** A `.hadolint.yaml` read into the settings it maps to (see ./peers.ts). */
export interface HadolintConfig {
  kind: 'hadolint';
  file: string;
  ignored: string[];
  /** Code → severity, from `override.{error,warning,info,style}`. */
  override: Map<string, SeveritySetting>;
  trustedRegistries: string[];
  labelSchema: Record<string, string>;
  strictLabels: boolean;
  /** `failure-threshold` as written (`error|warning|info|style|ignore|none`). */
  failureThreshold?: string;
  /** `no-fail: true`: Dockerfile findings never fail the run. */
  noFail?: true;
  /** `disable-ignore-pragma: true`: `# hadolint ignore=` comments silence nothing. */
  disableIgnorePragma?: true;
}

/** A `.shellcheckrc` read into the settings it maps to (see ./peers.ts). */
export interface ShellcheckRc {
  kind: 'shellcheckrc';
  file: string;
  /** Codes (`SC2086`) turned off; `all` turns off every ShellCheck code. */
  disable: string[];
  /** Optional checks by name (`require-variable-braces`) or `all`. */
  enable: string[];
  /** Dialect for scripts without a shebang (`sh`, `bash`, `dash`, `ksh`, `busybox`), for our rules and the ShellCheck bridge. */
  shell?: string;
  /** Where `source`d files are looked for, as written (`SCRIPTDIR` is the script's folder); relative to the working folder. */
  sourcePath: string[];
}
