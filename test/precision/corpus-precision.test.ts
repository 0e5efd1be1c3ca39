import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/runner/run.js';
import { ROOT, SHARED } from '../helpers/lint.js';
import builtins from '../../rules/index.js';
import { compare, judgedRules, keyFindings, linesReader, loadJudgements } from '../../scripts/precision/judgements.mjs';

const corpus = path.join(SHARED, 'corpus');

// The judged corpus keeps what was decided: a finding judged wrong must not
// come back, and one judged right must not disappear. (`npm run precision`
// prints the rates and the findings still to judge.)
describe.skipIf(!existsSync(corpus))('precision on the judged corpus', () => {
  it('reports no finding judged wrong and loses none judged right', async () => {
    // Every judged rule is on, also those that left `recommended`, so their judgements stay checked.
    const judgements = loadJudgements(path.join(ROOT, 'test/precision/judgements'));
    const cliRules = judgedRules(judgements, builtins.rules.map((r) => r.meta));
    const result = await run({ cwd: corpus, patterns: ['.'], noConfigLookup: true, cliRules });
    const reported = result.diagnostics.filter((d) => !d.suppressed);
    const keys = keyFindings(
      reported.map((d) => ({ relPath: d.relPath, ruleId: d.ruleId, line: d.range.start.line })),
      linesReader(corpus, result.files),
    );
    const findings = reported.map((d, i) => ({ key: keys[i]!, ruleId: d.ruleId, at: `${d.relPath}:${d.range.start.line}:${d.range.start.column}`, message: d.message }));
    const outcome = compare(findings, judgements);
    expect(outcome.fpBack.map((f) => `${f.at} ${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(outcome.tpGone.map((j) => `${j.at ?? j.key}: ${j.message ?? ''}`)).toEqual([]);
  }, 120_000);
});
