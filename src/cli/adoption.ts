import path from 'node:path';
import { existsSync } from 'node:fs';
import { CliUsageError, type CliArgs } from './args.js';
import {
  applySuppressions,
  projectRoot,
  pruneSuppressions,
  readSuppressions,
  recordSuppressions,
  serializeSuppressions,
  SUPPRESSIONS_FILE,
} from '../engine/bulk-suppressions.js';
import type { LintResult } from '../core/result.js';
import { writeFileAtomic } from '../core/write-file.js';
import { didYouMean } from '../core/suggest.js';
import { compareWithBaseline, readBaseline } from '../report/baseline.js';
import { plural } from '../report/common.js';

/** What the run's bulk suppressions and baseline did to its result. */
export interface Adopted {
  result: LintResult;
  /** Recorded findings that no longer occur (and `--pass-on-unpruned-suppressions` was not given). */
  failOnUnused: boolean;
}

/**
 * Bulk suppressions (record, prune, apply) and the baseline comparison, in
 * that order: what the suppressions file covers is never new. Notes for people
 * go to `stderr`, so that reports on standard output stay machine-readable.
 */
export async function adopt(result: LintResult, args: CliArgs, cwd: string, knownRuleIds: () => Promise<string[]>, stderr: { write(text: string): unknown }): Promise<Adopted> {
  const root = projectRoot(cwd);
  const file = args.suppressionsLocation ? path.resolve(cwd, args.suppressionsLocation) : path.join(root, SUPPRESSIONS_FILE);
  const shown = path.relative(cwd, file) || file;
  const recording = args.suppress !== undefined || args.pruneSuppressions;
  if (args.suppressionsLocation && !recording && !existsSync(file)) {
    throw new CliUsageError(`the suppressions file ${shown} does not exist; create it with --suppress-all or --suppress-rule <id>`);
  }

  let counts = readSuppressions(file);
  const rules = args.suppress === undefined || args.suppress === 'all' ? undefined : new Set(args.suppress);
  if (args.suppress !== undefined) {
    if (rules) checkRuleIds(rules, await knownRuleIds());
    counts = recordSuppressions(counts, result, root, rules);
    await writeFileAtomic(file, serializeSuppressions(counts));
  }
  let applied = applySuppressions(result, counts, root);
  if (args.pruneSuppressions) {
    counts = pruneSuppressions(counts, applied.unused);
    await writeFileAtomic(file, serializeSuppressions(counts));
    if (applied.unused.length) stderr.write(`stack-lint: pruned ${plural(applied.unused.length, 'entry', 'entries')} of ${shown} that no longer occur\n`);
    applied = applySuppressions(result, counts, root);
  }
  if (args.suppress !== undefined) {
    const recorded = applied.result.diagnostics.filter((d) => d.suppressed?.kind === 'external' && (!rules || rules.has(d.ruleId))).length;
    stderr.write(`stack-lint: ${plural(recorded, 'finding')} recorded in ${shown}\n`);
  }

  for (const e of applied.exceeded) {
    stderr.write(`stack-lint: ${e.file} has ${e.found} findings of ${e.ruleId} where ${shown} records ${e.recorded}: all ${e.found} are reported\n`);
  }
  const unused = args.stdin ? [] : applied.unused;
  if (unused.length) {
    stderr.write(
      `stack-lint: there are suppressions left that do not occur anymore; run again with --prune-suppressions to drop them from ${shown}:\n` +
        unused.map((u) => `  ${u.file}  ${u.ruleId}  (${u.recorded} recorded, ${u.found} found)\n`).join(''),
    );
  }

  let adopted = applied.result;
  if (args.baseline) {
    const compared = compareWithBaseline(adopted, readBaseline(path.resolve(cwd, args.baseline)), args.onlyNew);
    const c = compared.counts;
    stderr.write(`stack-lint: compared with ${args.baseline}: ${c.new} new, ${c.unchanged} unchanged, ${c.updated} updated${args.onlyNew ? '' : `, ${c.absent} absent`}${args.onlyNew ? ' (only new findings are reported)' : ''}\n`);
    adopted = compared.result;
  }
  return { result: adopted, failOnUnused: unused.length > 0 && !args.passOnUnprunedSuppressions };
}

/** `--suppress-rule` takes rule ids the packs know (a typo would record nothing). */
function checkRuleIds(ids: ReadonlySet<string>, known: readonly string[]): void {
  for (const id of ids) {
    if (!known.includes(id)) throw new CliUsageError(`--suppress-rule: unknown rule "${id}"${didYouMean(id, known)}`);
  }
}
