/**
 * What the lint loop is given and gives back, shared by the loop (./lint.ts),
 * its worker threads (./workers.ts) and the bridges to peer tools (./bridges.ts).
 */
import type { ConfigProject } from '../config/types.js';
import type { Diagnostic, SeveritySetting } from '../core/diagnostic.js';
import type { ProjectRoot } from '../core/project-root.js';
import type { RuleRegistry } from '../core/registry.js';
import type { LintedFile, LintResult } from '../core/result.js';
import type { AnyRule, RuleMeta } from '../core/rule.js';
import type { FileKind } from '../core/source.js';
import type { RepositoryEvidence } from '../stack/evidence/index.js';
import type { DiskMemo } from '../stack/compose-loader.js';
import type { ParsedFile, RulesByKind } from '../kinds/index.js';
import type { Suppression } from './suppressions.js';

export type { RulesByKind };

export interface ResolvedRuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
  /** Severity of the findings of one peer code (a finding's `compat`), where it differs from `severity`; `off` drops them. */
  codes?: ReadonlyMap<string, SeveritySetting>;
}

/** What the engine needs from configuration, for one file. */
export interface FileConfig {
  rules: ReadonlyMap<string, ResolvedRuleSetting>;
  settings: Readonly<Record<string, unknown>>;
  linterOptions?: { reportUnusedDisableDirectives?: SeveritySetting; noInlineConfig?: boolean; requireSuppressionReason?: boolean };
  /** The config file the settings come from (relative paths in settings resolve against its folder). */
  configPath?: string;
  /** `projects:` of the config file, paths absolute. */
  projects?: readonly ConfigProject[];
  /**
   * The peer config that applies: a `.shellcheckrc`'s `shell=` is the dialect ShellCheck gets for a script without
   * a shebang, `sourcePath` where `source`d files are looked for; a `.hadolint.yaml`'s `disableIgnorePragma` turns
   * `# hadolint ignore=` comments off.
   */
  peer?: { kind: string; shell?: string; sourcePath?: readonly string[]; disableIgnorePragma?: boolean };
}

export interface ConfigSource {
  /** `kind`: the file's kind as the run found it (it decides which peer config applies). */
  forFile(path: string, kind?: FileKind): Promise<FileConfig>;
}

export interface LintFilesOptions {
  cwd: string;
  files: readonly { path: string; kind: FileKind }[];
  rules: readonly AnyRule[];
  registry: RuleRegistry;
  config: ConfigSource;
  tool: LintResult['tool'];
  /** Report findings only in these files (the rest are read for context). Default: all. */
  reportOn?: ReadonlySet<string>;
  /** Texts to use instead of the disk (standard input, tests), by absolute path. */
  overlay?: ReadonlyMap<string, string>;
  /** Permission bits of `overlay` texts (the RuleTester's `modes`); without, an overlay text has no known mode. */
  overlayModes?: ReadonlyMap<string, number>;
  /** How the repository runs compose and docker build, from its scripts, Makefiles, CI files and docs. */
  evidence?: RepositoryEvidence;
  /** Lint stacks in worker threads too (see ./workers.ts); never with `overlay`. */
  workers?: WorkerPool;
  /**
   * Told, for each planned stack, its files and the paths read beyond them
   * (`GroupResult.consulted`): its findings depend on nothing else (`--cache` keys on them);
   * and the ids of the rules enabled for it.
   */
  onStack?: (stack: { files: readonly string[]; consulted: readonly string[]; rules: readonly string[] }) => void;
  /**
   * Leave `LintedFile.text` empty in the result: for a report that never reads
   * it (the CLI's json, github, junit, checkstyle), texts need not be held
   * until the end of a large run. Texts with suppression comments are kept
   * until unused directives have been reported, which needs them.
   */
  dropTexts?: boolean;
  /** The folder nothing outside of which is read (see ./project-root.ts); default: no such limit. */
  projectRoot?: string;
  /** False (`--no-code-config`): no program of the checkout runs (a shellcheck in its node_modules/.bin). */
  codeConfig?: boolean;
}

/** What every stack of a run shares. */
export interface GroupContext {
  readonly options: LintFilesOptions;
  readonly byKind: RulesByKind;
  /** Compose files of the run that could be read (the rest, read by a compose loader, are context only). */
  readonly lintedCompose: Set<string>;
  /** `LintFilesOptions.projectRoot`, shared so that its answers are cached once per run. */
  readonly projectRoot?: ProjectRoot;
  /** What the disk holds, looked at once per run by the compose loaders of its stacks. */
  readonly disk?: DiskMemo;
}

/** What linting one stack gives: plain data, so that it can come from a worker thread. */
export interface GroupResult {
  /** Findings, context-only compose files already left out. */
  diagnostics: Diagnostic[];
  linted: LintedFile[];
  /** The rules that were enabled for at least one file. */
  rules: RuleMeta[];
  /** Suppression comments, applied once every stack has run (a finding may land in another stack's file). */
  pending: { path: string; suppressions: SuppressionData[] }[];
  /** Findings about the suppression comments themselves (never suppressed). */
  directiveFindings: Diagnostic[];
  /** Paths read beyond the stack's files (by the compose loader, and the stack model's `StackResources.consulted`): the findings depend on them too. */
  consulted: string[];
}

/** A `Suppression` as plain data (sets as lists). */
export type SuppressionData = Omit<Suppression, 'rules' | 'used'> & { rules: 'all' | string[]; used: string[] };

/** How the main thread starts workers. */
export interface WorkerPool {
  /** Threads in all, the main thread included. */
  count: number;
  /** The script a worker runs (the CLI's loader). */
  entry: string;
  /** What a worker needs to set itself up as the main thread did. */
  setup: WorkerSetup;
}

export interface WorkerSetup {
  /** The run's options, for its configs and packs (see src/runner/run.ts `RunOptions`). */
  run: Record<string, unknown>;
  /** Every file of the run, in order: a worker asks the config of each, as discovery did, so that it loads the same packs. */
  files: string[];
}

/** What a bridge to a peer tool (./bridges.ts) gets for one stack. */
export interface BridgeRun {
  /** The bridge's rule (its setting turns it on and carries its options). */
  rule: AnyRule;
  parsed: readonly ParsedFile[];
  config: ConfigSource;
  /** Every rule of the run (the bridge leaves out what a rule already reports). */
  rules: readonly AnyRule[];
  reportOn?: ReadonlySet<string>;
  /** `--no-code-config`: no program inside this project is run. */
  untrusted?: ProjectRoot;
}

/** What a bridge finds in one stack. */
export interface BridgeResult {
  /** Findings per absolute file path. */
  byFile: Map<string, Diagnostic[]>;
  /** Metadata of the rule ids reported, for the run's rule list. */
  metas: RuleMeta[];
}
