import { describe, expect, it } from 'vitest';
import { brief, findings, lintFixtures } from '../../helpers/lint.js';

const RULE = 'compose/unplaced-fragment';

describe(RULE, () => {
  it('reports once a fragment no evidence places, and the completeness rules stay silent on it', async () => {
    const all = await lintFixtures(['compose/unplaced-fragment/bad']);
    const found = all.filter((d) => d.ruleId === RULE);
    expect(found.map(brief)).toEqual(['compose/unplaced-fragment/bad/compose.worker.yaml:1:1-1:9 compose/unplaced-fragment']);
    expect(found[0]!.severity).toBe('info');
    expect(found[0]!.message).toBe(
      'linted as an unplaced fragment, with completeness checks off: service "worker" has neither image nor build (and 1 more), and no script, Makefile, CI file or README says which file it is layered on; declare it in .stackpolicyrc under projects: (files: [compose.yaml, compose.worker.yaml])',
    );
    expect(all.filter((d) => /^compose\/(build-or-image|references|restart-policy|healthcheck-required)$/.test(d.ruleId) && d.relPath.endsWith('compose.worker.yaml'))).toEqual([]);
  });

  it('is silent when a script layers the file on its base, which is then checked merged', async () => {
    expect(await findings(RULE, ['compose/unplaced-fragment/good'])).toEqual([]);
    expect(await findings('compose/build-or-image', ['compose/unplaced-fragment/good'])).toEqual([]);
  });
});
