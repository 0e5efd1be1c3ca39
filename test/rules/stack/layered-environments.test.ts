import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'stack/layered-environments';

describe(RULE, () => {
  it('reports services an override configures that its base does not define, in named environments and in the layers scripts use', async () => {
    const found = await findings(RULE, ['stack/layered-environments/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `stack/layered-environments/bad/scripted/docker-compose.ci.yml:6:3-6:14 ${RULE} docker-compose.ci.yml configures service "test-runner", which docker-compose.yml + docker-compose.test.yml do not define, and gives it no image or build of its own`,
      `stack/layered-environments/bad/typo/compose.override.yaml:3:3-3:7 ${RULE} compose.override.yaml configures service "apii", which compose.yaml does not define, and gives it no image or build of its own; did you mean "api"?`,
      `stack/layered-environments/bad/typo/compose.prod.yaml:4:3-4:9 ${RULE} compose.prod.yaml configures service "worker", which compose.yaml does not define, and gives it no image or build of its own`,
    ]);
    expect(found[0]!.severity).toBe('warning');
  });

  it('accepts overrides that add complete services or extend base ones', async () => {
    expect(await findings(RULE, ['stack/layered-environments/good'])).toEqual([]);
  });
});
