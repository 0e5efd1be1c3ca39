import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/runner/run.js';
import { applyEdits } from '../../helpers/edits.js';
import { brief, FIXTURES, findings } from '../../helpers/lint.js';

const RULE = 'compose/no-obsolete-version';

describe(RULE, () => {
  it('reports the top-level version and removes exactly its line', async () => {
    const found = await findings(RULE, ['compose/no-obsolete-version/bad']);
    expect(found.map(brief)).toEqual(['compose/no-obsolete-version/bad/compose.yaml:3:1-3:8 compose/no-obsolete-version']);
    expect(found[0]!.message).toBe('the top-level "version" "3.8" is obsolete: compose ignores it and warns on every run');
    expect(found[0]!.fix?.safety).toBe('safe');
    const file = path.join(FIXTURES, 'compose/no-obsolete-version/bad/compose.yaml');
    const fixed = applyEdits(readFileSync(file, 'utf8'), found[0]!.fix!.edits);
    expect(fixed).toBe('# Shop stack.\n# The version line below is left from Compose v1 times.\nservices:\n  web:\n    image: nginx:1.27\n');
    const again = await run({ cwd: FIXTURES, patterns: [], noConfigLookup: true, stdin: { text: fixed, filename: file } });
    expect(again.diagnostics.filter((d) => d.ruleId === RULE)).toEqual([]);
  });

  it('leaves a version key that is not top-level alone', async () => {
    expect(await findings(RULE, ['compose/no-obsolete-version/good'])).toEqual([]);
  });
});
