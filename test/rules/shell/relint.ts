/** Helpers for the shell rule tests: apply a rule's fixes to a fixture and lint the result again. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { run } from '../../../src/runner/run.js';
import { applyEdits } from '../../helpers/edits.js';
import { FIXTURES, findings } from '../../helpers/lint.js';

/** Lints a text as if it were the fixture file `filename` (relative to fixtures/). */
export async function lintText(filename: string, text: string, cliRules: string[] = []): Promise<Diagnostic[]> {
  const result = await run({ cwd: FIXTURES, patterns: [], noConfigLookup: true, cliRules, stdin: { filename, text } });
  return result.diagnostics;
}

/** The fixture's text with every fix of the rule applied at once (rule fixes never overlap). */
export async function fixAll(ruleId: string, fixture: string, cliRules: string[] = []): Promise<{ text: string; found: Diagnostic[] }> {
  const found = await findings(ruleId, [fixture], { cliRules });
  const edits = found.flatMap((d) => d.fix?.edits ?? []);
  return { text: applyEdits(readFileSync(path.join(FIXTURES, fixture), 'utf8'), edits), found };
}
