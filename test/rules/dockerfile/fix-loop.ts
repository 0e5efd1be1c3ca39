import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { run } from '../../../src/runner/run.js';
import { applyEdits, selectFixes } from '../../../src/fix/apply.js';
import { FIXTURES } from '../../helpers/lint.js';

export interface FixResult {
  /** The text after every fix of the rule was applied, pass after pass. */
  text: string;
  /** The rule's findings on the fixed text. */
  remaining: Diagnostic[];
}

/**
 * Applies one rule's fixes to a copy of a fixture the way `--fix` does
 * (non-overlapping fixes per pass, re-lint, until nothing changes) and lints
 * the result again.
 */
export async function fixWithRule(ruleId: string, fixture: string, options: { unsafe?: boolean } = {}): Promise<FixResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-fix-'));
  const name = path.basename(fixture);
  const file = path.join(dir, name);
  writeFileSync(file, readFileSync(path.join(FIXTURES, fixture), 'utf8'));
  try {
    const lint = async () =>
      (await run({ cwd: dir, patterns: [name], noConfigLookup: true, cliRules: [`${ruleId}: warning`] })).diagnostics.filter(
        (d) => d.ruleId === ruleId,
      );
    for (let pass = 0; pass < 10; pass++) {
      const fixable = (await lint()).filter((d) => d.fix && (options.unsafe || d.fix.safety === 'safe'));
      if (!fixable.length) break;
      const chosen = selectFixes(fixable.map((d) => ({ fix: d.fix! })));
      writeFileSync(file, applyEdits(readFileSync(file, 'utf8'), chosen.flatMap((c) => c.fix.edits)));
    }
    return { text: readFileSync(file, 'utf8'), remaining: await lint() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
