import { performance } from 'node:perf_hooks';
import type { FileKind, SourceFile } from '../parse/source.js';
import type { Span } from '../parse/location.js';
import type { DockerfileDocument } from '../parse/dockerfile/types.js';
import type { ShellDocument } from '../parse/shell/types.js';
import { createStackModel, type StackModel } from '../stack/model.js';
import { CORE_RULES } from './core-rules.js';
import type { AnyRule } from './define.js';
import { compareDiagnostics, type Diagnostic, type Severity, type SeveritySetting } from './diagnostic.js';
import { ComposeLoader, confirmShellSyntaxError, parseSource, type ParsedFile } from './parse-files.js';
import { declaredProjects } from '../parse/compose/layers.js';
import path from 'node:path';
import type { RuleRegistry } from './registry.js';
import { diagnosticKey, toDiagnostic } from './report.js';
import type { LintResult, LintedFile } from './result.js';
import type { ReportDescriptor, RuleMeta } from './rule.js';
import { readSource } from './sources.js';
import { collectComments, nextInstructionLines } from './comments.js';
import { applySuppressions, parseDirectives, unusedSuppressions } from './suppressions.js';
import { runShellcheck } from './shellcheck.js';

export interface ResolvedRuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** What the engine needs from configuration, for one file. */
export interface FileConfig {
  rules: ReadonlyMap<string, ResolvedRuleSetting>;
  settings: Readonly<Record<string, unknown>>;
  linterOptions?: { reportUnusedDisableDirectives?: SeveritySetting; noInlineConfig?: boolean; requireSuppressionReason?: boolean };
  /** The config file the settings come from (relative paths in settings resolve against its folder). */
  configPath?: string;
}

export interface ConfigSource {
  forFile(path: string): Promise<FileConfig>;
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
}

export async function lintFiles(options: LintFilesOptions): Promise<LintResult> {
  const started = performance.now();
  const { cwd, registry } = options;
  const diagnostics: Diagnostic[] = [];
  const enabledRules = new Map<string, RuleMeta>();
  const linted: LintedFile[] = [];

  const reads = await Promise.all(options.files.map((f) => readSource(f.path, f.kind, cwd, options.overlay)));
  const parsed: ParsedFile[] = [];
  const composeLoader = new ComposeLoader({ cwd, ...(options.overlay ? { overlay: options.overlay } : {}) });
  for (const r of reads) {
    if (r.ok) {
      parsed.push(await parseSource(r.source, options.overlay, composeLoader));
      continue;
    }
    const meta = r.problem === 'unreadable' ? CORE_RULES.unreadableFile : syntaxMeta(registry, r.kind);
    const origin = { line: 1, column: 1, offset: 0 };
    diagnostics.push({
      ruleId: meta.id,
      severity: 'error',
      message: r.message,
      file: r.path,
      relPath: r.relPath,
      range: { start: origin, end: origin },
      ...(r.problem === 'unreadable' ? { internal: true } : {}),
    });
    enabledRules.set(meta.id, meta);
    linted.push({ path: r.path, relPath: r.relPath, kind: r.kind, text: '' });
  }

  const composeFiles = parsed.flatMap((p) => (p.kind === 'compose' && p.doc ? [p.doc] : []));
  const declared = [];
  for (const doc of composeFiles) {
    const config = await options.config.forFile(doc.file.path);
    declared.push(...declaredProjects(config.settings.composeProjects, config.configPath ? path.dirname(config.configPath) : cwd));
  }
  const compose = await composeLoader.projects(composeFiles, declared);
  const stack = createStackModel({
    composeFiles,
    composeProjects: compose.projects,
    composeProjectOf: compose.projectFor,
    dockerfiles: parsed.flatMap((p) => (p.kind === 'dockerfile' && p.doc ? [p.doc] : [])),
    scripts: parsed.flatMap((p) => (p.kind === 'shell' && p.doc ? [p.doc] : [])),
  });
  const byKind = groupRules(options.rules);
  let rootConfig: FileConfig | undefined;
  // ShellCheck bridge (shell/shellcheck, off by default): one batched run before the rules; see ./shellcheck.ts
  const shellcheck = await runShellcheck({ parsed, config: options.config, rules: options.rules, reportOn: options.reportOn });
  for (const meta of shellcheck.metas) enabledRules.set(meta.id, meta);

  for (const file of parsed) {
    const config = await options.config.forFile(file.source.path);
    rootConfig ??= config;
    const found: Diagnostic[] = [];
    const severityOf = (id: string): SeveritySetting => config.rules.get(id)?.severity ?? 'off';
    const run = makeRunner(found, config, stack, enabledRules);

    if (file.problems.length) {
      const meta = syntaxMeta(registry, file.kind);
      const severity = severityOf(meta.id);
      if (severity !== 'off') {
        enabledRules.set(meta.id, meta);
        for (const p of file.problems) found.push(toDiagnostic(meta, severity, { range: p, message: p.message }, file.source));
      }
    }
    if (file.kind === 'compose' && file.doc) {
      const doc = file.doc;
      const project = compose.projectFor(file.source.path);
      for (const rule of byKind.compose) run(rule, file.source, { compose: doc, project });
    } else if (file.kind === 'dockerfile' && file.doc) {
      const doc = file.doc;
      for (const rule of byKind.dockerfile) run(rule, file.source, { dockerfile: doc });
      for (const { instruction, script } of runScripts(doc)) {
        await noteShellSyntax(script, file.source, severityOf, registry, found, enabledRules);
        for (const rule of byKind.runBodies) run(rule, file.source, { shell: script, run: { dockerfile: doc, instruction } });
      }
    } else if (file.kind === 'shell' && file.doc) {
      await noteShellSyntax(file.doc, file.source, severityOf, registry, found, enabledRules);
      for (const rule of byKind.shell) run(rule, file.source, { shell: file.doc });
    }
    found.push(...(shellcheck.byFile.get(file.source.path) ?? [])); // ShellCheck bridge findings, suppressed like any other

    diagnostics.push(...found);
    linted.push({ path: file.source.path, relPath: file.source.relPath, kind: file.kind, text: file.source.text });
  }

  if (byKind.stack.length && parsed.length) {
    const config = rootConfig!;
    const found: Diagnostic[] = [];
    const run = makeRunner(found, config, stack, enabledRules);
    for (const rule of byKind.stack) run(rule, parsed[0]!.source, {});
    diagnostics.push(...found);
  }

  // Findings in compose files read only for context (a layer or an `extends` file not being linted) are not reported.
  const reported = diagnostics.filter((d) => !compose.isContextOnly(d.file));
  // Suppressions, once every rule has run: a finding may land in another file than
  // the one being linted (merged compose projects, stack rules).
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of reported) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const file of parsed) {
    const comments = collectComments(file);
    if (!comments.length && file.kind !== 'dockerfile') continue;
    const config = await options.config.forFile(file.source.path);
    if (config.linterOptions?.noInlineConfig) continue;
    const severityOf = (id: string): SeveritySetting => config.rules.get(id)?.severity ?? 'off';
    const dockerDoc = file.kind === 'dockerfile' ? file.doc : undefined;
    const directives = parseDirectives({
      file: file.source,
      comments,
      registry,
      ...(dockerDoc ? { nextSpan: nextInstructionLines(dockerDoc), buildkitSkips: buildkitSkips(dockerDoc) } : {}),
    });
    applySuppressions(byFile.get(file.source.path) ?? [], directives.suppressions);
    const unusedSeverity = config.linterOptions?.reportUnusedDisableDirectives ?? 'warning';
    const report = (meta: RuleMeta, severity: Severity, span: Span, message: string): void => {
      enabledRules.set(meta.id, meta);
      reported.push(toDiagnostic(meta, severity, { range: span, message }, file.source));
    };
    for (const p of directives.problems) report(CORE_RULES.invalidDisable, 'warning', p, p.message);
    if (config.linterOptions?.requireSuppressionReason) {
      for (const s of directives.suppressions) {
        if (!s.foreign && !s.justification) report(CORE_RULES.invalidDisable, 'warning', s.comment, 'suppression without a reason: add "-- <why>" after the rule ids');
      }
    }
    if (unusedSeverity !== 'off') {
      for (const u of unusedSuppressions(directives.suppressions, (id) => severityOf(id) !== 'off')) {
        report(CORE_RULES.unusedDisable, unusedSeverity, u.span, u.message);
      }
    }
  }

  return finish(reported, linted, enabledRules, options, started);
}

type Extra = Record<string, unknown>;

/** Runs one rule on one file with a fresh context; a crash becomes an internal diagnostic. */
function makeRunner(
  found: Diagnostic[],
  config: FileConfig,
  stack: StackModel,
  enabledRules: Map<string, RuleMeta>,
): (rule: AnyRule, file: SourceFile, extra: Extra) => void {
  return (rule, file, extra) => {
    const setting = config.rules.get(rule.meta.id);
    if (!setting || setting.severity === 'off' || !rule.check) return;
    const severity = setting.severity;
    enabledRules.set(rule.meta.id, rule.meta);
    const ctx = {
      file,
      options: setting.options,
      settings: config.settings,
      stack,
      ...extra,
      report: (d: ReportDescriptor) => found.push(toDiagnostic(rule.meta, severity, d, file)),
    };
    try {
      rule.check(ctx as never);
    } catch (e) {
      const err = e as Error;
      const origin = { line: 1, column: 1, offset: 0 };
      enabledRules.set(CORE_RULES.internalError.id, CORE_RULES.internalError);
      found.push({
        ruleId: CORE_RULES.internalError.id,
        severity: 'error',
        message: `rule ${rule.meta.id} crashed on this file: ${err?.message ?? String(e)}`,
        file: file.path,
        relPath: file.relPath,
        range: { start: origin, end: origin },
        internal: true,
      });
    }
  };
}

async function noteShellSyntax(
  script: ShellDocument,
  file: SourceFile,
  severityOf: (id: string) => SeveritySetting,
  registry: RuleRegistry,
  found: Diagnostic[],
  enabledRules: Map<string, RuleMeta>,
): Promise<void> {
  const meta = registry.get('shell/syntax');
  if (!meta || !script.hasErrors) return;
  const severity = severityOf(meta.id);
  if (severity === 'off') return;
  const err = await confirmShellSyntaxError(script);
  if (!err) return;
  enabledRules.set(meta.id, meta);
  found.push(toDiagnostic(meta, severity, { range: { start: err.offset, end: err.offset }, message: err.message }, file));
}

function runScripts(doc: DockerfileDocument) {
  const out: { instruction: DockerfileDocument['instructions'][number]; script: ShellDocument }[] = [];
  for (const ins of doc.instructions) {
    for (const script of ins.scripts) out.push({ instruction: ins, script });
    for (const script of ins.trigger?.scripts ?? []) out.push({ instruction: ins.trigger!, script });
  }
  return out;
}

function buildkitSkips(doc: DockerfileDocument): { value: string; span: Span }[] {
  return doc.directives.filter((d) => d.name === 'check').map((d) => ({ value: d.value, span: { start: d.start, end: d.end } }));
}

function groupRules(rules: readonly AnyRule[]) {
  const out = { compose: [] as AnyRule[], dockerfile: [] as AnyRule[], shell: [] as AnyRule[], runBodies: [] as AnyRule[], stack: [] as AnyRule[] };
  for (const rule of rules) {
    out[rule.meta.kind].push(rule);
    if (rule.meta.kind === 'shell' && rule.meta.runBodies) out.runBodies.push(rule);
  }
  return out;
}

function syntaxMeta(registry: RuleRegistry, kind: FileKind): RuleMeta {
  const meta = registry.get(`${kind}/syntax`);
  if (meta) return meta;
  return { id: `${kind}/syntax`, kind, category: 'syntax', severity: 'error', fix: 'none', summary: 'The file parses' };
}

function finish(
  all: Diagnostic[],
  files: LintedFile[],
  enabledRules: Map<string, RuleMeta>,
  options: LintFilesOptions,
  started: number,
): LintResult {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const d of all) {
    if (options.reportOn && !options.reportOn.has(d.file)) continue;
    const key = diagnosticKey(d);
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(d);
  }
  diagnostics.sort(compareDiagnostics);
  files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  const active = diagnostics.filter((d) => !d.suppressed);
  const count = (s: Severity) => active.filter((d) => d.severity === s && !d.internal).length;
  return {
    diagnostics,
    files: options.reportOn ? files.filter((f) => options.reportOn!.has(f.path)) : files,
    rules: [...enabledRules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    cwd: options.cwd,
    tool: options.tool,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    fixableCount: active.filter((d) => d.fix).length,
    internalErrorCount: active.filter((d) => d.internal).length,
    durationMs: Math.round(performance.now() - started),
  };
}
