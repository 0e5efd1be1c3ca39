import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/update-with-install';
const BAD = 'dockerfile/update-with-install/bad/Dockerfile';

describe(RULE, () => {
  it('reports an index update with no install in its RUN', async () => {
    const found = await findings(RULE, ['dockerfile/update-with-install/bad']);
    expect(found.map(brief)).toEqual([`${BAD}:2:5-2:19 ${RULE}`, `${BAD}:6:5-6:15 ${RULE}`]);
    expect(found[0]!.message).toBe(
      'apt-get update alone in a RUN is cached as its own layer, so later installs keep using the stale index and miss security updates; update and install in the same RUN',
    );
  });

  it('accepts updates followed by an install or upgrade in the same RUN', async () => {
    expect(await findings(RULE, ['dockerfile/update-with-install/good'])).toEqual([]);
  });
});
