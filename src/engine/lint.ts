import { checkEnvironments } from '../../rules/kit/environments.js';
import { mayRunInProduction } from '../../rules/kit/compose/production.js';
import type { ComposeContext } from '../../rules/kit/define.js';
import type { ComposeProject } from '../parse/compose/project.js';
import type { ConfigSource, FileConfig, GroupContext, GroupResult, LintFilesOptions, RulesByKind, SuppressionData } from './types.js';
import { performance } from 'node:perf_hooks';
import { createSourceFile, type FileKind, type SourceFile } from '../core/source.js';
import type { Span } from '../core/location.js';
import type { ShellDocument, TooComplex } from '../parse/shell/types.js';
import type { StackModel } from '../stack/model.js';
import { loadStack } from '../stack/load.js';
import { ProjectRoot } from '../core/project-root.js';
import type { BuildRun, ComposeRun, RepositoryEvidence } from '../stack/evidence/index.js';
import { plansFromRuns } from '../stack/evidence/plan.js';
import { readFileSync } from 'node:fs';
import type { ConfigProject } from '../config/types.js';
import { CORE_RULES } from './core-rules.js';
import type { AnyRule, AnyRulePart } from '../core/rule.js';
import type { Diagnostic, SeveritySetting } from '../core/diagnostic.js';
import { DiskMemo } from '../stack/compose-loader.js';
import { ComposeLoader, confirmShellSyntaxError, dialectFromShellcheckName, parseSource, type ParsedFile } from '../stack/parse-files.js';
import { configuredProjects } from '../parse/compose/layers.js';
import path from 'node:path';
import type { RuleRegistry } from '../core/registry.js';
import { diagnosticKey, toDiagnostic } from './report.js';
import { buildResult, filesWithSecrets } from '../core/summary.js';
import type { LintResult, LintedFile } from '../core/result.js';
import type { ReportDescriptor, RuleMeta } from '../core/rule.js';
import { readSource, type ReadOutcome } from '../parse/sources.js';
import { directiveSource, lintParsedFile } from './kinds.js';
import { FILE_KINDS, fileKind } from '../kinds/index.js';
import type { Remap } from '../kinds/types.js';
import { applySuppressions, parseDirectives, unusedSuppressions, type Suppression } from './suppressions.js';
import { bridgesOf } from './bridges.js';
import type { PlannedProject } from '../parse/compose/layers.js';
import { planGroups } from './plan.js';
import { collectBeforeReport, collectIfGrown } from './memory.js';
import { lintInPool } from './workers.js';
import { type WorkerPool } from './types.js';
import { turnEventLoop } from './event-loop.js';
import { observeRules, timed, timedAsync, timedRules } from './timing.js';

/** How long a run may keep the event loop from turning (see `lintFiles`). */
const EVENT_LOOP_TURN_MS = 50;






export async function lintFiles(options: LintFilesOptions): Promise<LintResult> {
  const started = performance.now();
  const { cwd } = options;
  const ctx = groupContext(options, new Set());
  const run: RunState = { options, diagnostics: [], enabledRules: new Map(), linted: [], pending: [], directiveFindings: [] };

  // Planning the stacks looks at the texts of some kinds (compose files, scripts): those are read up front. The
  // others (Dockerfiles) are read with their stack, so that the buffers of a whole run's reads are never all alive at once.
  const early = options.files.filter((f) => fileKind(f.kind).readForPlanning);
  const reads = timed('read', () => early.map((f) => readSource(f.path, f.kind, cwd, options.overlay)));
  const readOf = new Map<string, ReadOutcome>();
  reads.forEach((r, i) => readOf.set(early[i]!.path, r));
  for (const r of reads) if (r.ok && r.source.kind === 'compose') ctx.lintedCompose.add(r.source.path);
  const readGroup = (group: LintFilesOptions['files']) =>
    timed('read', () => group.map((f) => readOf.get(f.path) ?? readSource(f.path, f.kind, cwd, options.overlay)));

  const { groups, declared, units } = await planRun(options, readOf, ctx);
  const declaredOf = (group: (typeof groups)[number]) => declared.filter((d) => d.group === group).map((d) => d.project);
  const done = (group: (typeof groups)[number], r: GroupResult): void => {
    absorb(run, r);
    // A run made one stack for the ShellCheck bridge still has parts that do not look into each other: tell them apart.
    for (const unit of units ?? [group]) options.onStack?.({ files: unit.map((f) => f.path), consulted: r.consulted, rules: r.rules.map((m) => m.id) });
  };
  const pool = options.workers && !options.overlay && groups.length > 1 ? options.workers : undefined;
  if (pool) {
    // Worker threads read their stacks themselves: texts read for planning would only be held here.
    readOf.clear();
    const lintHere = (group: (typeof groups)[number]) => lintGroup(ctx, readGroup(group), declaredOf(group));
    const results = await lintInPool(ctx, groups, declaredOf, lintHere, pool);
    results.forEach((r, i) => done(groups[i]!, r));
  } else {
    // One stack at a time: reads are synchronous (see ./sources.ts), so a second stack in flight has nothing to
    // overlap with and only keeps more alive (measured: 2.7% more instructions on the corpus with four in flight).
    let lastTurn = performance.now();
    for (const group of groups) {
      done(group, await lintGroup(ctx, readGroup(group), declaredOf(group)));
      // The group's files are done: nothing of them is held but their text, findings and suppression comments.
      for (const f of group) readOf.delete(f.path);
      if (groups.length > 1) collectIfGrown();
      // Timers and signals would otherwise wait for the whole run (see ./event-loop.ts).
      if (performance.now() - lastTurn > EVENT_LOOP_TURN_MS) {
        await turnEventLoop();
        lastTurn = performance.now();
      }
    }
  }

  await timedAsync('suppressions', () => finishSuppressions(run));
  if (options.dropTexts) {
    // Texts with secrets stay: reports mask them in the fix texts they print.
    const secretFiles = filesWithSecrets(run.diagnostics);
    for (const f of run.linted) if (!secretFiles.has(f.path)) f.text = '';
  }
  const result = finish([...run.diagnostics, ...run.directiveFindings], run.linted, run.enabledRules, options, started);
  if (groups.length > 1) collectBeforeReport(); // the report is built next: see ./memory.ts
  return result;
}

/** The shared context of a run's stacks (a worker thread builds its own). */
export function groupContext(options: LintFilesOptions, lintedCompose: Set<string>): GroupContext {
  return { options, byKind: groupRules(options.rules), lintedCompose, disk: new DiskMemo(), ...(options.projectRoot ? { projectRoot: new ProjectRoot(options.projectRoot) } : {}) };
}




interface RunState {
  readonly options: LintFilesOptions;
  readonly diagnostics: Diagnostic[];
  readonly enabledRules: Map<string, RuleMeta>;
  readonly linted: LintedFile[];
  readonly pending: { path: string; suppressions: Suppression[] }[];
  readonly directiveFindings: Diagnostic[];
}

function absorb(run: RunState, r: GroupResult): void {
  for (const d of r.diagnostics) run.diagnostics.push(d);
  for (const f of r.linted) run.linted.push(f);
  for (const meta of r.rules) if (!run.enabledRules.has(meta.id)) run.enabledRules.set(meta.id, meta);
  for (const p of r.pending) {
    run.pending.push({
      path: p.path,
      suppressions: p.suppressions.map((s) => ({ ...s, rules: s.rules === 'all' ? 'all' : new Set(s.rules), used: new Set(s.used) })),
    });
  }
  for (const d of r.directiveFindings) run.directiveFindings.push(d);
}

/** The stacks of the run (see ./plan.ts) and which one builds each declared compose project. */
async function planRun(
  options: LintFilesOptions,
  readOf: ReadonlyMap<string, ReadOutcome>,
  ctx: GroupContext,
): Promise<{
  groups: LintFilesOptions['files'][number][][];
  declared: { project: PlannedProject; group: LintFilesOptions['files'][number][] }[];
  /** With the run made one group (`single`), the groups it would have had otherwise (only `onStack` needs them). */
  units?: LintFilesOptions['files'][number][][];
}> {
  const { files, cwd } = options;
  // Projects declared in `settings.composeProjects`, from the configs of the compose files, each once.
  const declared: { project: PlannedProject; by: string }[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const r = readOf.get(f.path);
    if (f.kind !== 'compose' || !r?.ok) continue;
    const config = await options.config.forFile(f.path, f.kind);
    for (const p of configuredProjects(config, cwd)) {
      const key = `${p.files.join('\u0000')}\u0001${p.environment}`;
      if (seen.has(key)) continue;
      seen.add(key);
      declared.push({ project: p, by: f.path });
    }
  }
  // A bridge to a peer tool (the ShellCheck bridge) batches over the whole run: when one is on, the run is one stack.
  let single = false;
  const bridges = bridgesOf(options.rules);
  for (const f of bridges.length ? files : []) {
    if (options.reportOn && !options.reportOn.has(f.path)) continue;
    const on = bridges.filter((b) => b.bridge.kinds.includes(f.kind));
    if (!on.length) continue;
    const config = await options.config.forFile(f.path, f.kind);
    if (on.some((b) => (config.rules.get(b.rule.meta.id)?.severity ?? 'off') !== 'off')) {
      single = true;
      break;
    }
  }
  const plan = (single: boolean) =>
    planGroups({
      files,
      textOf: (p) => {
        const r = readOf.get(p);
        return r?.ok ? r.source.text : undefined;
      },
      declared: declared.map((d) => ({ by: d.by, files: d.project.files })),
      dotenvOf: (dir) => dotenvText(dir, options, ctx),
      together: single ? [] : evidenceTogether(options, ctx),
      single,
    });
  const groups = timed('plan', () => plan(single));
  const units = single && options.onStack && files.length > 1 ? timed('plan', () => plan(false)) : undefined;
  const groupOf = new Map<string, (typeof groups)[number]>();
  for (const g of groups) for (const f of g) groupOf.set(f.path, g);
  return { groups, declared: declared.map((d) => ({ project: d.project, group: groupOf.get(d.by)! })), ...(units ? { units } : {}) };
}

/** The text of the `.env` in a folder, as the compose loader would read it (the overlay's first); undefined when there is none. */
function dotenvText(dir: string, options: LintFilesOptions, ctx: GroupContext): string | undefined {
  const abs = path.join(dir, '.env');
  const given = options.overlay?.get(abs);
  if (given !== undefined) return given;
  if (ctx.projectRoot && !ctx.projectRoot.contains(abs)) return undefined;
  if (!ctx.disk?.list(dir)?.includes('.env')) return undefined;
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * What the repository's commands run together, for the planner: the files of
 * each project its `docker compose` commands run (as the compose loader places
 * them), with the file that runs it and its project directory; each `docker
 * build`'s Dockerfile with its context and the file that runs it.
 */
function evidenceTogether(options: LintFilesOptions, ctx: GroupContext): { files: string[]; folders?: string[] }[] {
  const items = options.evidence?.items ?? [];
  if (!items.length) return [];
  const disk = ctx.disk ?? new DiskMemo();
  const mayRead = (abs: string) => !ctx.projectRoot || options.overlay?.has(abs) === true || ctx.projectRoot.contains(abs);
  const env = { exists: (p: string) => options.overlay?.has(p) === true || (mayRead(p) && disk.state(p) === 'file'), yamlFiles: options.evidence?.yamlFiles ?? [] };
  const runs = items.filter((i): i is ComposeRun => i.kind === 'compose');
  const out: { files: string[]; folders?: string[] }[] = [];
  // the same plans the stacks' compose loaders place their files by: worked out once per run
  for (const p of (disk.evidencePlans ??= plansFromRuns(runs, env))) {
    out.push({ files: [...p.files, ...p.evidence.map((e) => e.file)], ...(p.projectDirectory ? { folders: [p.projectDirectory] } : {}) });
  }
  for (const b of items) {
    if (b.kind !== 'build') continue;
    // The context is read from the disk (its `.dockerignore`), not as a linted file: its own group is enough.
    out.push({ files: [...(b.dockerfile ? [b.dockerfile] : []), ...(b.context ? [path.join(b.context, 'Dockerfile')] : []), b.at.file] });
  }
  return out;
}

/** Reads and lints one stack (a worker thread's job). */
export function lintStack(ctx: GroupContext, files: readonly { path: string; kind: FileKind }[], declared: readonly PlannedProject[]): Promise<GroupResult> {
  const { cwd, overlay } = ctx.options;
  const reads = timed('read', () => files.map((f) => readSource(f.path, f.kind, cwd, overlay)));
  return lintGroup(ctx, reads, declared);
}

/** Parses one stack, runs the rules on it and keeps its findings; the parsed files are dropped afterwards. */
async function lintGroup(gctx: GroupContext, reads: readonly ReadOutcome[], declared: readonly PlannedProject[]): Promise<GroupResult> {
  const { options, byKind } = gctx;
  const { cwd, registry } = options;
  const enabledRules = new Map<string, RuleMeta>();
  const result: GroupResult = { diagnostics: [], linted: [], rules: [], pending: [], directiveFindings: [], consulted: [] };
  const diagnostics: Diagnostic[] = [];
  const parsed: ParsedFile[] = [];
  const root = gctx.projectRoot ? { root: gctx.projectRoot } : {};
  const composeLoader = new ComposeLoader({
    cwd,
    linted: gctx.lintedCompose,
    ...root,
    ...(options.overlay ? { overlay: options.overlay } : {}),
    ...(options.overlayModes ? { overlayModes: options.overlayModes } : {}),
    ...(options.evidence ? { evidence: options.evidence } : {}),
    ...(gctx.disk ? { disk: gctx.disk } : {}),
  });
  for (const r of reads) {
    if (r.ok) {
      // a kind ShellCheck checks is parsed in the dialect its .shellcheckrc's shell= names (when it has no shebang)
      const peer = fileKind(r.source.kind).peer === 'shellcheck' ? (await options.config.forFile(r.source.path, r.source.kind)).peer : undefined;
      const rcDialect = peer?.kind === 'shellcheckrc' ? dialectFromShellcheckName(peer.shell) : undefined;
      parsed.push(await timedAsync(`parse:${r.source.kind}`, () => parseSource(r.source, options.overlay, composeLoader, rcDialect ? { defaultShellDialect: rcDialect } : {})));
      continue;
    }
    const meta = r.problem === 'unreadable' ? CORE_RULES.unreadableFile : r.problem === 'too-large' ? CORE_RULES.tooComplex : syntaxMeta(registry, r.kind);
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
    result.linted.push({ path: r.path, relPath: r.relPath, kind: r.kind, text: '' });
  }

  const composeFiles = parsed.flatMap((p) => (p.kind === 'compose' && p.doc ? [p.doc] : []));
  const compose = await timedAsync('compose-projects', () => composeLoader.projects(composeFiles, declared));
  const parts = {
    composeFiles,
    composeProjects: compose.projects,
    composeProjectOf: compose.projectFor,
    dockerfiles: parsed.flatMap((p) => (p.kind === 'dockerfile' && p.doc ? [p.doc] : [])),
    scripts: parsed.flatMap((p) => (p.kind === 'shell' && p.doc ? [p.doc] : [])),
    builds: (options.evidence?.items ?? []).filter((i): i is BuildRun => i.kind === 'build'),
    sourcePaths: await shellcheckSourcePaths(parsed, options.config),
  };
  // Read now, through the overlay, what the model will look at beyond the stack's files: rules then never wait on the disk.
  const { model: stack, resources } = await timedAsync('stack-resources', () => loadStack(parts, { cwd, ...root, ...(options.overlay ? { overlay: options.overlay } : {}) }));
  result.consulted = [...new Set([...(resources.consulted ?? []), ...composeLoader.consulted(), ...(options.evidence?.read ?? [])])].sort();
  let rootConfig: FileConfig | undefined;
  // Bridges to peer tools (the ShellCheck bridge, off by default): one batched run each before the rules; see ./bridges.ts
  const untrusted = options.codeConfig === false && gctx.projectRoot ? { untrusted: gctx.projectRoot } : {};
  const bridged = new Map<string, Diagnostic[]>();
  for (const { rule, bridge } of bridgesOf(options.rules)) {
    const args = { rule, parsed, config: options.config, rules: options.rules, ...untrusted, ...(options.reportOn ? { reportOn: options.reportOn } : {}) };
    const found = await timedAsync(rule.meta.bridge!, () => bridge.run(args));
    for (const meta of found.metas) enabledRules.set(meta.id, meta);
    for (const [file, list] of found.byFile) bridged.set(file, [...(bridged.get(file) ?? []), ...list]);
  }

  for (const file of parsed) {
    const config = await options.config.forFile(file.source.path, file.source.kind);
    rootConfig ??= config;
    const found: Diagnostic[] = [];
    const severityOf = (id: string): SeveritySetting => config.rules.get(id)?.severity ?? 'off';
    const runRule = makeRunner(found, config, stack, enabledRules);

    for (const p of file.problems) if (p.tooComplex) noteTooComplex({ message: p.message, offset: p.start }, file.source, found, enabledRules);
    const syntaxProblems = file.problems.filter((p) => !p.tooComplex);
    if (syntaxProblems.length) {
      const meta = syntaxMeta(registry, file.kind);
      const severity = severityOf(meta.id);
      if (severity !== 'off') {
        enabledRules.set(meta.id, meta);
        for (const p of syntaxProblems) found.push(toDiagnostic(meta, severity, { range: p, message: p.message }, file.source));
      }
    }
    await timedRules(`rules:${file.kind}`, () =>
      lintParsedFile(file, {
        rules: byKind,
        runRule: (rule, extra, remap) => runRule(rule, file.source, extra, remap),
        tooComplex: (tc) => noteTooComplex(tc, file.source, found, enabledRules),
        shellSyntax: (script, remap) => noteShellSyntax(script, file.source, severityOf, registry, found, enabledRules, remap),
        projectFor: (p) => compose.projectFor(p),
      }),
    );
    for (const d of bridged.get(file.source.path) ?? []) found.push(d); // bridge findings, suppressed like any other

    // Loops, not push(...found): a huge file's hundreds of thousands of findings would overflow the stack as arguments.
    for (const d of found) diagnostics.push(d);
    result.linted.push({ path: file.source.path, relPath: file.source.relPath, kind: file.kind, text: file.source.text });
  }

  if (byKind.stack.length && parsed.length) {
    const found: Diagnostic[] = [];
    const runRule = makeRunner(found, rootConfig!, stack, enabledRules);
    await timedRules('rules:stack', () => {
      for (const rule of byKind.stack) runRule(rule, parsed[0]!.source, {});
    });
    for (const d of found) diagnostics.push(d);
  }

  // Findings in compose files read only for context (a layer or an `extends` file not being linted) are not reported.
  for (const d of diagnostics) if (!compose.isContextOnly(d.file)) result.diagnostics.push(d);
  await timedAsync('suppressions', () => collectSuppressions(gctx, parsed, result, enabledRules));
  result.rules = [...enabledRules.values()];
  if (options.dropTexts) {
    const needed = new Set([...result.pending.map((p) => p.path), ...filesWithSecrets(result.diagnostics)]);
    for (const f of result.linted) if (!needed.has(f.path)) f.text = '';
  }
  return result;
}

/**
 * Reads the suppression comments of a stack's files. Problems with the
 * comments themselves are reported at once; the suppressions are kept, and
 * applied when every stack has run.
 */
async function collectSuppressions(gctx: GroupContext, parsed: readonly ParsedFile[], result: GroupResult, enabledRules: Map<string, RuleMeta>): Promise<void> {
  const { registry, config: configs } = gctx.options;
  for (const file of parsed) {
    const source = directiveSource(file);
    if (!source.comments.length && !source.buildkitSkips?.length) continue;
    const config = await configs.forFile(file.source.path, file.source.kind);
    if (config.linterOptions?.noInlineConfig) continue;
    const hadolintPragmas = !(config.peer?.kind === 'hadolint' && config.peer.disableIgnorePragma);
    const directives = parseDirectives({ file: file.source, registry, ...source, ...(hadolintPragmas ? {} : { hadolintPragmas }) });
    const report = (span: Span, message: string): void => {
      enabledRules.set(CORE_RULES.invalidDisable.id, CORE_RULES.invalidDisable);
      result.directiveFindings.push(toDiagnostic(CORE_RULES.invalidDisable, 'warning', { range: span, message }, file.source));
    };
    for (const p of directives.problems) report(p, p.message);
    if (config.linterOptions?.requireSuppressionReason) {
      for (const s of directives.suppressions) {
        if (!s.foreign && !s.justification) report(s.comment, 'suppression without a reason: add "-- <why>" after the rule ids');
      }
    }
    if (directives.suppressions.length) {
      result.pending.push({
        path: file.source.path,
        suppressions: directives.suppressions.map((s) => ({ ...s, rules: s.rules === 'all' ? 'all' : [...s.rules], used: [...s.used] })),
      });
    }
  }
}

/** Applies the kept suppressions to the findings of the whole run, and reports the unused ones. */
async function finishSuppressions(run: RunState): Promise<void> {
  if (!run.pending.length) return;
  const wanted = new Set(run.pending.map((p) => p.path));
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of run.diagnostics) {
    if (!wanted.has(d.file)) continue;
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const texts = new Map(run.linted.filter((f) => wanted.has(f.path)).map((f) => [f.path, f]));
  for (const { path: file, suppressions } of run.pending) {
    applySuppressions(byFile.get(file) ?? [], suppressions);
    const config = await run.options.config.forFile(file, texts.get(file)?.kind);
    const unusedSeverity = config.linterOptions?.reportUnusedDisableDirectives ?? 'warning';
    if (unusedSeverity === 'off') continue;
    const severityOf = (id: string): SeveritySetting => config.rules.get(id)?.severity ?? 'off';
    const unused = unusedSuppressions(suppressions, (id) => severityOf(id) !== 'off');
    if (!unused.length) continue;
    const linted = texts.get(file)!;
    const source = createSourceFile({ path: linted.path, relPath: linted.relPath, kind: linted.kind, text: linted.text });
    for (const u of unused) {
      run.enabledRules.set(CORE_RULES.unusedDisable.id, CORE_RULES.unusedDisable);
      run.directiveFindings.push(toDiagnostic(CORE_RULES.unusedDisable, unusedSeverity, { range: u.span, message: u.message }, source));
    }
  }
}

/** Each script's `source-path=` entries, from the `.shellcheckrc` its config found (see src/stack/sourcing.ts). */
async function shellcheckSourcePaths(parsed: readonly ParsedFile[], config: LintFilesOptions['config']): Promise<Map<string, readonly string[]>> {
  const out = new Map<string, readonly string[]>();
  for (const p of parsed) {
    if (p.kind !== 'shell') continue;
    const peer = (await config.forFile(p.source.path, p.source.kind)).peer;
    if (peer?.kind === 'shellcheckrc' && peer.sourcePath?.length) out.set(p.source.path, peer.sourcePath);
  }
  return out;
}

type Extra = Record<string, unknown>;

/** Runs one rule on one file with a fresh context; a crash becomes an internal diagnostic. */
function makeRunner(
  found: Diagnostic[],
  config: FileConfig,
  stack: StackModel,
  enabledRules: Map<string, RuleMeta>,
): (rule: AnyRule, file: SourceFile, extra: Extra, remap?: Remap) => void {
  return (rule, file, extra, remap) => {
    const setting = config.rules.get(rule.meta.id);
    if (!setting || (!rule.check && !rule.parts)) return;
    const { severity, codes } = setting;
    if (severity === 'off' && ![...(codes?.values() ?? [])].some((s) => s !== 'off')) return;
    enabledRules.set(rule.meta.id, rule.meta);
    const ctx = {
      file,
      options: setting.options,
      settings: config.settings,
      stack,
      ...extra,
      report: (reported: ReportDescriptor) => {
        const d = remap ? remap(reported) : reported;
        if (!d) return;
        // a peer code set on its own (ResolvedRule.codes) decides for the findings of that code
        const own = d.compat === undefined ? undefined : codes?.get(d.compat);
        const level = own ?? severity;
        if (level !== 'off') found.push(toDiagnostic(rule.meta, level, d, file));
      },
    };
    try {
      execute(rule, ctx as never);
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

/** Runs one rule's check in its scope; with `STACK_LINT_TIMING`, observed by the timer (./timing.ts), else `checkInScope` itself. */
const execute = observeRules(checkInScope);

/**
 * Runs a rule's check over the scope it declares (`RuleMeta.scope`), or each
 * of its parts over theirs (`AnyRule.parts`): the file itself, or each
 * environment (of the file's compose project; for a stack rule, of each
 * compose project of the stack), with findings the environments share merged
 * and the result shared by every file of the project that is linted with the
 * same options, settings and stack.
 */
function checkInScope(rule: AnyRule, ctx: ComposeContext): void {
  if (!rule.parts) return checkPart(rule.meta, rule.meta.id, rule.meta, rule.check as (ctx: ComposeContext) => void, ctx);
  rule.parts.forEach((part, i) => checkPart(rule.meta, `${rule.meta.id}#${i}`, part, part.check as (ctx: ComposeContext) => void, ctx));
}

function checkPart(meta: RuleMeta, key: string, scope: Pick<AnyRulePart, 'scope' | 'environments'>, check: (ctx: ComposeContext) => void, ctx: ComposeContext): void {
  if (scope.scope !== 'environment') return check(ctx);
  const only = scope.environments === 'production' ? (env: ComposeProject) => mayRunInProduction(env, ctx.settings) : undefined;
  const memo = [key, ctx.options, ctx.settings, ctx.stack] as const;
  const inEnvironments = (head: ComposeProject) => checkEnvironments(head, ctx.report, (project, report) => check({ ...ctx, project, report }), memo, only);
  if (meta.kind === 'stack') {
    for (const group of ctx.stack.projectGroups()) inEnvironments(group[0]!);
    return;
  }
  if (!ctx.project) return check(ctx);
  inEnvironments(ctx.project);
}

/** A text too deep or too large to lint: one finding where it is too much (the rules saw nothing of it). */
function noteTooComplex(tc: TooComplex, file: SourceFile, found: Diagnostic[], enabledRules: Map<string, RuleMeta>): void {
  const meta = CORE_RULES.tooComplex;
  enabledRules.set(meta.id, meta);
  found.push(toDiagnostic(meta, meta.severity, { range: { start: tc.offset, end: tc.offset }, message: tc.message }, file));
}

async function noteShellSyntax(
  script: ShellDocument,
  file: SourceFile,
  severityOf: (id: string) => SeveritySetting,
  registry: RuleRegistry,
  found: Diagnostic[],
  enabledRules: Map<string, RuleMeta>,
  remap?: Remap,
): Promise<void> {
  const meta = registry.get('shell/syntax');
  if (!meta || !script.hasErrors) return;
  const severity = severityOf(meta.id);
  if (severity === 'off') return;
  const err = await confirmShellSyntaxError(script);
  if (!err) return;
  const reported: ReportDescriptor = { range: { start: err.offset, end: err.offset }, message: err.message };
  const d = remap ? remap(reported) : reported;
  if (!d) return;
  enabledRules.set(meta.id, meta);
  found.push(toDiagnostic(meta, severity, d, file));
}

function groupRules(rules: readonly AnyRule[]): RulesByKind {
  const out = Object.fromEntries([...FILE_KINDS.map((k) => k.name), 'stack', 'runBodies'].map((k) => [k, [] as AnyRule[]])) as unknown as RulesByKind;
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
  return buildResult({
    diagnostics,
    files: options.reportOn ? files.filter((f) => options.reportOn!.has(f.path)) : files,
    rules: [...enabledRules.values()],
    cwd: options.cwd,
    tool: options.tool,
    durationMs: performance.now() - started,
  });
}
