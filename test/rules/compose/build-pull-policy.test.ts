import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/build-pull-policy';
const ON = ['compose/build-pull-policy: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/build-pull-policy/bad'])).toEqual([]);
  });

  it('reports build and image together without pull_policy, at the image key', async () => {
    const found = await findings(RULE, ['compose/build-pull-policy/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual(['compose/build-pull-policy/bad/compose.yaml:4:5-4:10 compose/build-pull-policy']);
    expect(found[0]!.message).toBe(
      'service "etl" sets both build and image without pull_policy, so Compose first tries to pull "etl-kafka" and builds only when that fails; set pull_policy: build (or never, missing)',
    );
  });

  it('accepts pull_policy, build alone and image alone', async () => {
    expect(await findings(RULE, ['compose/build-pull-policy/good'], { cliRules: ON })).toEqual([]);
  });

  it('with allowWithPullPolicy: false, reports build and image together in any case', async () => {
    const found = await findings(RULE, ['compose/build-pull-policy/good'], {
      cliRules: ['compose/build-pull-policy: [warning, {allowWithPullPolicy: false}]'],
    });
    expect(found.map(brief)).toEqual(['compose/build-pull-policy/good/compose.yaml:4:5-4:10 compose/build-pull-policy']);
    expect(found[0]!.message).toBe('service "api" sets both build and image; keep one of them');
  });
});
