import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { run } from '../../../src/runner/run.js';
import { applyEdits } from '../../helpers/edits.js';
import { FIXTURES } from '../../helpers/lint.js';

/**
 * Applies every fix of `found` to its file in a copy of the fixture folder and
 * lints the copy again with the same rule: the fixed text of `file`, and what
 * the rule still reports there.
 */
export async function fixAndRelint(
  ruleId: string,
  fixture: string,
  found: Diagnostic[],
  file = 'compose.yaml',
  cliRules: string[] = [],
): Promise<{ text: string; after: Diagnostic[] }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-fix-'));
  try {
    cpSync(path.join(FIXTURES, fixture), tmp, { recursive: true });
    const source = path.join(FIXTURES, fixture, file);
    const edits = found.filter((d) => d.fix && d.fix.file === source).flatMap((d) => d.fix!.edits);
    const text = applyEdits(readFileSync(source, 'utf8'), edits);
    writeFileSync(path.join(tmp, file), text);
    const result = await run({ cwd: tmp, patterns: ['.'], noConfigLookup: true, cliRules });
    return { text, after: result.diagnostics.filter((d) => d.ruleId === ruleId && !d.suppressed) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
