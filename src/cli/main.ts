import { promises as fs } from 'node:fs';
import { explainRepository } from '../runner/explain.js';
import { formatExplained } from './explain-project.js';
import path from 'node:path';
import { ConfigError, type ConfigLoader } from '../config/index.js';
import { UsageError } from '../core/errors.js';
import type { LintResult } from '../core/result.js';
import { createConfigLoader, createPackSet, kindOfFile, packsFor, run, runFix, TOOL } from '../runner/run.js';
import { PackError } from '../engine/packs.js';
import { writeChanges } from '../fix/commit.js';
import { unifiedDiff } from '../fix/diff.js';
import type { FixOutcome } from '../fix/loop.js';
import { maskedChange, secretValues } from '../report/secrets.js';
import { formatFixSummary } from './fix-summary.js';
import { plural } from '../report/common.js';
import { startProgress } from './progress.js';
import { formatReadsTexts, FormatterLoadError, getChunkedFormatter, loadFormatter } from '../report/index.js';
import { CliUsageError, HELP, parseCliArgs, type CliArgs } from './args.js';
import { formatRuleList } from './list-rules.js';
import { explainRule } from './rule-docs.js';
import { init } from './init.js';
import { existsSync } from 'node:fs';
import { writeFileAtomic } from '../core/write-file.js';
import { adopt } from './adoption.js';
import { failingFindings, hadolintThreshold, type FailureThreshold } from './failure-threshold.js';
import { formatStatistics } from './statistics.js';

export interface CliIO {
  cwd: string;
  /** Reads all of standard input (only called with --stdin). */
  readStdin?: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /**
   * Asks a person a question and gives the answer; present only when one can
   * answer (standard input and output are a terminal). `stack-lint init` uses
   * it to offer recording the current findings.
   */
  ask?: (question: string) => Promise<string>;
}

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

/** Runs the CLI and returns its exit code; never throws. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] === 'lsp') return languageServer(argv.slice(1), io);
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    io.stderr.write(`stack-lint: ${(e as Error).message}\nRun "stack-lint --help" for usage.\n`);
    return EXIT.error;
  }
  if (args.help) {
    io.stdout.write(HELP);
    return EXIT.clean;
  }
  if (args.version) {
    io.stdout.write(`${TOOL.version}\n`);
    return EXIT.clean;
  }
  try {
    const formatter = await loadFormatter(args.format, io.cwd, { codeConfig: !args.noCodeConfig });
    const stdinText = args.stdin ? await (io.readStdin ?? readProcessStdin)() : undefined;
    const runOptions = {
      cwd: io.cwd,
      ...(stdinText !== undefined ? { stdin: { text: stdinText, filename: args.stdinFilename! } } : {}),
      patterns: args.patterns,
      ...(args.config ? { configFile: args.config } : {}),
      noConfigLookup: args.noConfigLookup,
      codeConfig: !args.noCodeConfig,
      cliRules: args.rules,
      ignorePatterns: args.ignorePatterns,
      forceExclude: args.forceExclude,
      errorOnUnmatched: args.errorOnUnmatched,
      ...(args.shard ? { shard: args.shard } : {}),
      ...(args.concurrency !== undefined ? { concurrency: args.concurrency } : {}),
      // These reports never read file texts; a large run need not hold them all until the report.
      // (A baseline is matched on line hashes, which need the texts.)
      ...(!formatReadsTexts(args.format) && !args.fix && !args.fixDryRun && !args.baseline ? { keepTexts: false } : {}),
      ...(args.projectRoot !== undefined ? { projectRoot: args.projectRoot } : {}),
      ...(args.cache || args.cacheLocation ? { cacheFile: path.resolve(io.cwd, args.cacheLocation ?? '.stack-lint-cache') } : {}),
    };
    if (args.patterns[0] === 'init' && args.patterns.length === 1 && !existsSync(path.join(io.cwd, 'init'))) {
      const done = await init(io.cwd, await packsFor(runOptions));
      if (done.refused) {
        io.stderr.write(`stack-lint: ${done.refused}\n`);
        return EXIT.error;
      }
      io.stdout.write(`wrote ${path.relative(io.cwd, done.written!)}${done.imported?.length ? ` (imported ${done.imported.join(', ')})` : ''}\n`);
      return offerSuppressions({ ...runOptions, patterns: [] }, args, io);
    }
    if (args.patterns[0] === 'explain-project' && args.patterns.length <= 2 && !existsSync(path.join(io.cwd, 'explain-project'))) {
      const explained = await explainRepository({ ...runOptions, patterns: args.patterns.slice(1) });
      io.stdout.write(formatExplained(explained, args.format === 'json' ? 'json' : 'pretty'));
      return EXIT.clean;
    }
    if (args.patterns[0] === 'rule' && args.patterns.length === 2) {
      const text = explainRule((await packsFor(runOptions)).all(), args.patterns[1]!);
      if (!text) {
        io.stderr.write(`stack-lint: no rule or peer code "${args.patterns[1]}"; see stack-lint --list-rules\n`);
        return EXIT.error;
      }
      io.stdout.write(text);
      return EXIT.clean;
    }
    if (args.listRules) {
      io.stdout.write(formatRuleList((await packsFor(runOptions)).all(), args.format === 'json' ? 'json' : 'pretty'));
      return EXIT.clean;
    }
    if (args.printConfig) {
      const loader = createConfigLoader(runOptions, createPackSet());
      const file = path.resolve(io.cwd, args.printConfig);
      // the kind decides which peer config (.hadolint.yaml, .shellcheckrc) applies, as in a run
      const printed = await loader.printConfig(file, await kindOfFile(runOptions, loader, file));
      io.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
      return EXIT.clean;
    }
    const knownRuleIds = async () => (await packsFor(runOptions)).rules().map((r) => r.meta.id);
    // The run's config loader: hadolint's failure-threshold comes from the .hadolint.yaml it has read.
    let loader: ConfigLoader | undefined;
    const hooks = { onConfig: (l: ConfigLoader) => (loader = l) };
    const thresholdOf = (r: LintResult) => failureThreshold(r, loader, io.cwd);
    let result: LintResult;
    let fixReport = '';
    let fixFailed = false;
    if (args.fix || args.fixDryRun) {
      const stop = startProgress(io.stderr, 'stack-lint: fixing…');
      const outcome = await runFix({ ...runOptions, unsafe: args.unsafeFixes }, hooks).finally(stop);
      result = outcome.result;
      if (args.stdin) {
        // Editors pipe text in and read the fixed text back; the report goes to stderr.
        const fixed = outcome.changes[0]?.after ?? stdinText!;
        // The fixed text is the user's own file; a diff is a report, and masks secrets.
        io.stdout.write(args.fixDryRun ? fixDiffs(outcome) : fixed);
        const adopted = await adopt(outcome.result, args, io.cwd, knownRuleIds, io.stderr);
        const report = formatter(quietFilter(adopted.result, args.quiet), { color: false });
        if (adopted.result.diagnostics.length) io.stderr.write(report);
        return finalCode(adopted.result, args, thresholdOf(adopted.result), io.stderr, adopted.failOnUnused);
      } else if (args.fixDryRun) {
        io.stdout.write(fixDiffs(outcome));
      } else {
        const problems = await writeChanges(outcome.changes, outcome.projectRoot);
        for (const p of problems) io.stderr.write(`stack-lint: ${p.relPath}: ${p.message}\n`);
        fixFailed = problems.length > 0;
      }
      fixReport = formatFixSummary(outcome, args.fixDryRun);
    } else {
      const stop = startProgress(io.stderr, 'stack-lint: linting…');
      result = await run(runOptions, (message) => io.stderr.write(`stack-lint: warning: ${message}\n`), hooks).finally(stop);
    }
    const adopted = await adopt(result, args, io.cwd, knownRuleIds, io.stderr);
    // --max-warnings counts warnings that --quiet does not show.
    const code = fixFailed ? EXIT.error : finalCode(adopted.result, args, thresholdOf(adopted.result), io.stderr, adopted.failOnUnused);
    result = quietFilter(adopted.result, args.quiet);
    const color = args.color ?? (Boolean(io.stdout.isTTY) && !args.outputFile && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb');
    const formatOptions = {
      color: args.format === 'pretty' && color && !args.fixDryRun,
      warningsFail: warningsExceed(adopted.result, args.maxWarnings),
      ...(args.sarifCategory ? { category: args.sarifCategory } : {}),
      includeSuppressed: args.sarifIncludeSuppressed,
    };
    const chunked = getChunkedFormatter(args.format);
    const text = chunked ? chunked(result, formatOptions) : formatter(result, formatOptions);
    // With --fix-dry-run standard output is the diff alone (for `git apply`): the report goes to stderr.
    const reportOut = args.fixDryRun ? io.stderr : io.stdout;
    if (args.outputFile) await writeFileAtomic(path.resolve(io.cwd, args.outputFile), text);
    else if (typeof text === 'string') reportOut.write(text);
    else for (const chunk of text) reportOut.write(chunk);
    const forPeople = args.format === 'pretty' && !args.outputFile ? reportOut : io.stderr;
    if (args.statistics) forPeople.write(formatStatistics(result));
    // Timing is for people at a terminal; piped and written reports stay deterministic.
    if (args.format === 'pretty' && !args.outputFile && !args.fixDryRun && io.stdout.isTTY) {
      io.stdout.write(`  ${result.files.length} file${result.files.length === 1 ? '' : 's'} in ${(result.durationMs / 1000).toFixed(2)} s\n`);
    }
    // The fix summary is for people: beside a machine-readable report it goes to stderr.
    if (fixReport) forPeople.write(fixReport);
    return code;
  } catch (e) {
    if (e instanceof ConfigError || e instanceof UsageError || e instanceof CliUsageError || e instanceof FormatterLoadError || e instanceof PackError) {
      io.stderr.write(`stack-lint: ${(e as Error).message}\n`);
      return EXIT.error;
    }
    const err = e as Error;
    io.stderr.write(`stack-lint: internal error: ${err?.stack ?? String(e)}\n`);
    return EXIT.error;
  }
}

/** The `--fix-dry-run` diffs, with the secrets rules found before or after the fixes masked. */
function fixDiffs(outcome: FixOutcome): string {
  const values = secretValues([...outcome.original, ...outcome.result.files]);
  const original = new Map(outcome.original.map((f) => [f.path, f]));
  const fixed = new Map(outcome.result.files.map((f) => [f.path, f]));
  return outcome.changes
    .map((c) => {
      const shown = maskedChange(c, original.get(c.path), fixed.get(c.path), values);
      return unifiedDiff(c.relPath, shown.before, shown.after);
    })
    .join('');
}

/**
 * After `stack-lint init`: lints the repository with the new config and, when
 * it has findings, offers to record them as bulk suppressions so that CI can
 * gate on new ones only. `init --suppress-all` records them without asking;
 * without a terminal (and without the flag) the command to do so is printed.
 */
async function offerSuppressions(runOptions: Parameters<typeof run>[0], args: CliArgs, io: CliIO): Promise<number> {
  const result = await run(runOptions);
  if (result.internalErrorCount > 0) {
    io.stderr.write('stack-lint: the first lint with the new config failed; run stack-lint to see why\n');
    return EXIT.error;
  }
  // what --suppress-all records: errors and warnings (infos never fail a run)
  const recordable = result.diagnostics.filter((d) => !d.suppressed && !d.internal && d.severity !== 'info').length;
  if (recordable === 0) {
    io.stdout.write('no errors or warnings: nothing to record, every finding from now on is new\n');
    return EXIT.clean;
  }
  const found = `${plural(recordable, 'error or warning', 'errors and warnings')} found`;
  let record = args.suppress === 'all';
  if (!record && io.ask) {
    const answer = await io.ask(`${found}. Record them in the bulk suppressions file, so that only new findings fail from now on? [y/N] `);
    record = /^\s*y(es)?\s*$/i.test(answer);
  }
  if (!record) {
    io.stdout.write(`${found}; to gate only new findings from now on, record them: stack-lint --suppress-all\n`);
    return EXIT.clean;
  }
  await adopt(result, { ...args, suppress: 'all' }, io.cwd, async () => [], io.stdout);
  return EXIT.clean;
}

/**
 * `stack-lint lsp --stdio`: the language server, loaded only here (it and
 * vscode-languageserver cost a normal run nothing). Runs until the client
 * ends it (the connection exits the process).
 */
async function languageServer(argv: string[], io: CliIO): Promise<number> {
  if (argv.length !== 1 || argv[0] !== '--stdio') {
    io.stderr.write('stack-lint: usage: stack-lint lsp --stdio (standard input and output are the only transport)\n');
    return EXIT.error;
  }
  const { startServer } = await import('../lsp/server.js');
  startServer();
  return new Promise<number>(() => {});
}

export function exitCode(result: LintResult, maxWarnings?: number, threshold?: FailureThreshold): number {
  if (result.internalErrorCount > 0) return EXIT.error;
  if (threshold === undefined ? result.errorCount > 0 : failingFindings(result, threshold).length > 0) return EXIT.findings;
  if (warningsExceed(result, maxWarnings)) return EXIT.findings;
  return EXIT.clean;
}

/**
 * hadolint's failure-threshold, from the `.hadolint.yaml` that applies where
 * the run starts (hadolint reads one per run), as the run's config loader read
 * it; none with `--no-config-lookup`, and asked only when Dockerfiles were linted.
 */
function failureThreshold(result: LintResult, loader: ConfigLoader | undefined, cwd: string): FailureThreshold | undefined {
  if (!loader || !result.files.some((f) => f.kind === 'dockerfile')) return undefined;
  return hadolintThreshold(loader.hadolintConfigAt(cwd));
}

function warningsExceed(result: LintResult, maxWarnings?: number): boolean {
  return maxWarnings !== undefined && result.warningCount > maxWarnings;
}

/**
 * The exit code, with what people need to know about it on stderr: too many
 * warnings, and `--exit-zero` (which never hides a failed run: 2 stays 2).
 */
function finalCode(result: LintResult, args: CliArgs, threshold: FailureThreshold | undefined, stderr: CliIO['stderr'], failOnUnused = false): number {
  if (warningsExceed(result, args.maxWarnings)) {
    stderr.write(`stack-lint: ${plural(result.warningCount, 'warning')} found, more than --max-warnings ${args.maxWarnings} allows\n`);
  }
  let code = exitCode(result, args.maxWarnings, threshold);
  if (code === EXIT.clean && failOnUnused) code = EXIT.findings;
  return args.exitZero && code === EXIT.findings ? EXIT.clean : code;
}

/**
 * `--quiet`: keep errors only, as if warnings and infos were never reported;
 * how many were left out is kept, so that no report claims there were no problems.
 */
function quietFilter(result: LintResult, quiet: boolean): LintResult {
  if (!quiet) return result;
  const diagnostics = result.diagnostics.filter((d) => d.severity === 'error' || d.internal);
  const hiddenByQuiet = result.warningCount + result.infoCount;
  return {
    ...result,
    diagnostics,
    warningCount: 0,
    infoCount: 0,
    fixableCount: diagnostics.filter((d) => d.fix && !d.suppressed).length,
    ...(hiddenByQuiet ? { hiddenByQuiet } : {}),
  };
}


async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat(chunks));
}
