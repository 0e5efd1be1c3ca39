import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCode } from '../src/cli/main.js';
import { run } from '../src/runner/run.js';
import { SHARED } from './helpers/lint.js';
import { FORMAT_NAMES, getFormatter } from '../src/report/index.js';
import { jsonReportValidator, sarifValidator } from './report/schemas.js';

const corpus = path.join(SHARED, 'corpus');

describe.skipIf(!existsSync(corpus))('the shared corpus', () => {
  it('lints every file with no crash, no internal error and no syntax false alarm', async () => {
    const result = await run({ cwd: corpus, patterns: ['.'], noConfigLookup: true });
    const kinds = result.files.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.kind]: (acc[f.kind] ?? 0) + 1 }), {});
    // 85 compose files: 11 of them are named by no compose name but reached by include: (wger's services/*.yaml) or added by a sourced CI script with -f (zulip's ci/*/ extra layers).
    expect(kinds).toEqual({ compose: 85, dockerfile: 91, shell: 122 });
    expect(result.diagnostics.filter((d) => d.internal)).toEqual([]);
    // Every file of the corpus is valid YAML, Dockerfile or shell.
    expect(result.diagnostics.filter((d) => d.ruleId.endsWith('/syntax')).map((d) => `${d.relPath}:${d.range.start.line} ${d.message}`)).toEqual([]);
    expect([0, 1]).toContain(exitCode(result));

    // Every format reports the whole corpus; SARIF and JSON validate against their schemas.
    for (const name of FORMAT_NAMES) expect(getFormatter(name)(result, { color: false }).length).toBeGreaterThan(0);
    expect(sarifValidator()(JSON.parse(getFormatter('sarif')(result, { color: false })))).toEqual([]);
    expect(jsonReportValidator()(JSON.parse(getFormatter('json')(result, { color: false })))).toEqual([]);
  }, 60_000);
});
