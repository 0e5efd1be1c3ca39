/**
 * The rule API: what a rule's `check` is given for each kind of file (the
 * common fields, and those the file's kind adds: src/kinds/<kind>/), and
 * `defineRule`. It lives in the kit rather than in core because the contexts
 * hand rules the parsed documents and the stack model, which sit above core.
 */
import type { ComposeProject } from '../../src/parse/compose/project.js';
import type { FileKind, SourceFile } from '../../src/core/source.js';
import type { ContextFieldsOf } from '../../src/kinds/index.js';
import type { StackModel } from '../../src/stack/model.js';
import type { ReportDescriptor, RuleKind, RuleMeta, RuleOptions } from '../../src/core/rule.js';

interface BaseContext<O> {
  /** The file under lint (for a `RUN` body: the Dockerfile). */
  readonly file: SourceFile;
  /** The rule's options, validated, with schema defaults filled in. */
  readonly options: O;
  /** Config `settings:` shared by all rules. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Every file of the run and how they link. */
  readonly stack: StackModel;
  report(descriptor: ReportDescriptor): void;
}

export type ComposeContext<O = RuleOptions> = BaseContext<O> & ContextFieldsOf<'compose'>;

export type DockerfileContext<O = RuleOptions> = BaseContext<O> & ContextFieldsOf<'dockerfile'>;

export type ShellContext<O = RuleOptions> = BaseContext<O> & ContextFieldsOf<'shell'>;

/** Stack rules run once per lint run; `file` is the first linted file and rarely useful. */
export type StackContext<O = RuleOptions> = BaseContext<O>;

/** The context of a rule of each kind: the common fields and those its file kind adds (src/kinds/<kind>/). */
export type ContextFor<O> = { [K in FileKind]: BaseContext<O> & ContextFieldsOf<K> } & { stack: StackContext<O> };

/** What an environment part of a rule gets: its kind's context, `project` being one environment. */
export type EnvironmentContext<K extends RuleKind, O = RuleOptions> = K extends 'stack' ? StackContext<O> & { readonly project: ComposeProject } : ContextFor<O>[K];

/**
 * One check of a rule made of parts (`Rule.parts`), run in the scope it
 * declares: `file` (the default) as a rule's `check`; `environment` once per
 * environment (`environments: 'production'`: only those that may run in
 * production), findings merged as for `meta.scope: 'environment'`.
 */
export type RulePart<K extends RuleKind = RuleKind, O = RuleOptions> =
  | { readonly scope?: 'file'; check(ctx: ContextFor<O>[K]): void }
  | { readonly scope: 'environment'; readonly environments?: 'all' | 'production'; check(ctx: EnvironmentContext<K, O>): void };

export interface Rule<K extends RuleKind = RuleKind, O = RuleOptions> {
  readonly meta: RuleMeta<K>;
  /**
   * Looks at the context and reports. Absent only for the `<kind>/syntax` rules
   * whose findings come from the parse stage itself, for a bridge
   * (`meta.bridge`), and for a rule made of `parts`.
   */
  check?(ctx: ContextFor<O>[K]): void;
  /**
   * Instead of `check`, checks that each run in the scope they declare, in
   * order: a rule with a file part and an environment part, or with
   * environment parts that keep to different environments. `meta.scope` and
   * `meta.environments` are then left out.
   */
  readonly parts?: readonly RulePart<K, O>[];
}

/** Declares a rule. The identity function, there for types and for the rule file's shape. */
export const defineRule = <K extends RuleKind, O = RuleOptions>(rule: Rule<K, O>): Rule<K, O> => rule;

