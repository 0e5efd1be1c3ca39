import { describe, expect, it } from 'vitest';
import { formatParity, percent, readCases, runParity } from './parity.js';

/** The agreement the catalog keeps with hadolint on the cases of cases.yaml. */
const OVERALL = 95;
const PER_CODE = 85;

describe('hadolint parity', () => {
  it(`agrees on at least ${OVERALL}% of the cases overall and ${PER_CODE}% for every DL code`, async () => {
    const result = await runParity(readCases());
    const weak = result.codes.filter((s) => percent(s.agreed, s.cases) < PER_CODE).map((s) => s.code);
    const table = formatParity(result);
    expect(weak, table).toEqual([]);
    expect(percent(result.total.agreed, result.total.cases), table).toBeGreaterThanOrEqual(OVERALL);
  }, 120_000);

  it('covers every DL code a Dockerfile rule stands in for, those that need a configuration included, except opt-in DL3066', async () => {
    const { cases } = readCases();
    const named = new Set(cases.flatMap((c) => [...c.expect, ...(c.not ?? [])]));
    const { default: builtins } = await import('../../rules/index.js');
    const mapped = builtins.rules.filter((r) => r.meta.kind === 'dockerfile' && r.meta.id !== 'dockerfile/numeric-user').flatMap((r) => r.meta.compat?.hadolint ?? []);
    expect(mapped.filter((code) => !named.has(code))).toEqual([]);
  });

  it('counts a disagreement both ways, per code', async () => {
    const result = await runParity({
      scoped: [],
      cases: [
        { dockerfile: 'FROM debian:12\nRUN sudo id\n', expect: [], not: ['DL3004'], source: 'test' },
        { dockerfile: 'FROM debian:12\nRUN id\n', expect: ['DL3004'], source: 'test' },
        { dockerfile: 'FROM debian:12\nRUN sudo id\n', expect: ['DL3004'], source: 'test' },
      ],
    });
    expect(result.codes).toEqual([{ code: 'DL3004', cases: 3, agreed: 1 }]);
    expect(result.disagreements.map((d) => [d.index, d.code, d.expected])).toEqual([
      [0, 'DL3004', false],
      [1, 'DL3004', true],
    ]);
  });
});
