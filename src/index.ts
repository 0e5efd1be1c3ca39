/** stack-lint's public API: the rule and pack API, the engine and the formatters. */
export { defineRule } from '../rules/kit/define.js';
export { definePack } from './core/rule.js';
export type { AnyRule, RulePack, RulePackMeta } from './core/rule.js';
export type { Rule, ComposeContext, DockerfileContext, ShellContext, StackContext } from '../rules/kit/define.js';
export type { RuleMeta, RuleKind, FixKind, CompatCodes, ReportDescriptor, FixDescriptor, Locatable } from './core/rule.js';
export type { Diagnostic, Severity, SeveritySetting, TextEdit, Fix } from './core/diagnostic.js';
export type { LintResult, Formatter, FormatOptions } from './core/result.js';
export type { Position, Range, Span } from './core/location.js';
export type { SourceFile, FileKind } from './core/source.js';
export type { ComposeDocument, ComposeService } from './parse/compose/document.js';
export type { ComposeProject, ProjectService, ServiceDefinition, ProjectProblem } from './parse/compose/project.js';
export { laterOf } from './parse/compose/project.js';
export { checkEnvironments } from '../rules/kit/environments.js';
export type { YNode, YMap, YSeq, YScalar, YPair } from './parse/yaml/nodes.js';
export type { DockerfileDocument, DfInstruction, DfStage, DfFlag } from './parse/dockerfile/types.js';
export type { ShellDocument, ShCommand, ShWord, ShNode } from './parse/shell/types.js';
export { run, TOOL, type RunOptions } from './runner/run.js';
export { lintFiles } from './engine/lint.js';
export { getFormatter, FORMAT_NAMES } from './report/index.js';
export { main } from './cli/main.js';
export { ruleIndexMarkdown } from './cli/rule-docs.js';
import builtins from '../rules/index.js';
/** Metadata of every built-in rule. */
export const allRuleMetas = () => builtins.rules.map((r) => r.meta);
