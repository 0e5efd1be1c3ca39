import type { Span } from './location.js';
import type { FileKind, SourceFile } from './source.js';
import type { Severity, TextEdit } from './diagnostic.js';

/** A kind of file a rule checks, or `stack`: once per run, over the whole stack. */
export type RuleKind = FileKind | 'stack';
export type FixKind = 'none' | 'safe' | 'unsafe';

/** Codes of the peer tools a rule stands in for; they work in suppressions, config and `--rule`. */
export interface CompatCodes {
  hadolint?: string[];
  buildkit?: string[];
  shellcheck?: string[];
  dclint?: string[];
  kics?: string[];
}

/** A JSON schema (draft 2020-12 subset that ajv accepts) for a rule's options object. */
export type OptionsSchema = Record<string, unknown>;

export interface RuleMeta<K extends RuleKind = RuleKind> {
  /** `<kind-or-pack>/<what-it-wants>`, e.g. `compose/healthcheck-required` */
  id: string;
  kind: K;
  category: string;
  /** Default severity; config may change it. */
  severity: Severity;
  fix: FixKind;
  summary: string;
  /** JSON schema of the options object; defaults come from `default` keywords. */
  options?: OptionsSchema;
  compat?: CompatCodes;
  /** Off in the recommended preset (still available to switch on). */
  recommended?: boolean;
  /** For shell rules: also run on Dockerfile `RUN` bodies. */
  runBodies?: boolean;
  /**
   * For compose rules: what one `check` call looks at. `file` (the default):
   * the linted file, with `ctx.project` its merged project. `environment`:
   * each way the file is run (its project with each set of `-f` layers it
   * is part of), `ctx.project` being that environment; the engine runs the
   * check once per environment and run, merges findings the environments
   * share, names the environments of those they do not, and offers a fix
   * only where it is right for every environment that reads the file.
   */
  scope?: 'file' | 'environment';
  /**
   * With `scope: 'environment'`: `production` skips environments that never
   * run in production (development overrides, `settings.nonProductionFiles`),
   * for rules about running there.
   */
  environments?: 'all' | 'production';
  /**
   * The rule has no `check`: the engine's bridge of this name to a peer tool
   * (`shellcheck`, see src/engine/bridges.ts) does its work, batched over the
   * run before the rules run; the rule's setting turns it on and carries its
   * options.
   */
  bridge?: string;
  /**
   * With `STACK_LINT_TIMING`, report the rule's time as this phase of its own
   * (the compose schema rule: `schema`) instead of inside `rules:<kind>`.
   */
  timingPhase?: string;
  /** Extra tags (SARIF `properties.tags`), e.g. `security`. */
  tags?: string[];
  /** SARIF `security-severity` (0.0–10.0) for security rules. */
  securitySeverity?: number;
  /** SARIF `properties.precision`: how often findings are true positives (default `high`). */
  precision?: 'very-high' | 'high' | 'medium' | 'low';
  /** URL of the docs page; set by the pack for built-in rules. */
  docsUrl?: string;
}

/** Anything with offsets into a file: our YAML nodes, Dockerfile instructions, shell nodes. */
export interface Locatable extends Span {
  /** The file the node belongs to, when it can differ from the file under lint. */
  file?: SourceFile;
}

export interface FixDescriptor {
  description?: string;
  edits: TextEdit[];
  /** The file the edits apply to; defaults to the reported file. */
  file?: SourceFile;
}

export interface ReportDescriptor {
  /** Where the finding is: a node, or a span of offsets (`range`). One is required. */
  node?: Locatable;
  range?: Span;
  /** The file to report in; defaults to the node's file, then the file under lint. */
  file?: SourceFile;
  message: string;
  /** For a rule that covers several peer codes (`meta.compat`): the one this finding stands for. */
  compat?: string;
  fix?: FixDescriptor;
  suggestions?: FixDescriptor[];
  /**
   * Spans (offsets in the reported file) of secret values the finding is about: code frames,
   * diffs and fix texts in every report mask them. Messages show secrets only through `redactSecret`.
   */
  secrets?: Span[];
}

export type RuleOptions = Record<string, unknown>;

/**
 * Any rule, as the stages that list, configure and run rules see it. The
 * check's context is typed by the rule kit (`defineRule`); here it is opaque.
 */
export interface AnyRule {
  readonly meta: RuleMeta;
  check?(ctx: never): void;
  /** Instead of `check`: checks that each run in the scope they declare (see `RulePart`). */
  readonly parts?: readonly AnyRulePart[];
}

/**
 * One check of a rule made of parts: `file` (the default) runs as a rule's
 * `check` does; `environment` runs once per environment, as `meta.scope:
 * 'environment'` does, for a compose rule on each environment of the linted
 * file's project, for a stack rule on each environment of each compose
 * project of the stack. A rule with a file part and environment parts, or
 * environment parts keeping to different environments, has parts.
 */
export interface AnyRulePart {
  readonly scope?: 'file' | 'environment';
  readonly environments?: 'all' | 'production';
  check(ctx: never): void;
}

export interface RulePackMeta {
  name: string;
  version?: string;
  /** Prefix of the pack's rule ids (`acme` for `acme/owner-label`). */
  namespace: string;
  /** Base URL of the docs; a rule's page is `<docsBase><kind-or-namespace>/<name>.md`. */
  docsBase?: string;
}

export type PresetRules = Record<string, unknown>;

export interface RulePack {
  readonly meta: RulePackMeta;
  readonly rules: readonly AnyRule[];
  /** Named rule settings: `extends: ["<pack name>:<preset>"]`; a bare pack name means `recommended`. */
  readonly presets?: Readonly<Record<string, PresetRules>>;
  /** The stack-lint versions the pack works with, as a semver range (`>=0.1 <1`). */
  readonly requires?: string;
}

export function definePack(pack: RulePack): RulePack {
  return pack;
}

/**
 * A family of rule ids that are not declared one by one but exist on demand,
 * such as `shellcheck/SC2034` (one per ShellCheck check, reported by the
 * ShellCheck bridge). `get` knows every id of a family; `ids()` does not list
 * them; a peer code no rule claims may stand for a family id.
 */
export interface RuleFamily {
  /** Id prefix, e.g. `shellcheck/`. */
  prefix: string;
  /** Metadata for an id of the family, or undefined when the id is not a member. */
  meta(id: string): RuleMeta | undefined;
  /** The family id a peer code stands for when no declared rule claims it (`SC2034` → `shellcheck/SC2034`). */
  idForCode?(code: string): string | undefined;
}
