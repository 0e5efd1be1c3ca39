import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/layer-cache-order';
const ON = ['dockerfile/layer-cache-order: warning'];
const BAD = 'dockerfile/layer-cache-order/bad/Dockerfile';

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['dockerfile/layer-cache-order/bad'])).toEqual([]);
  });

  it('reports dependency installs that follow a copy of the whole context', async () => {
    const found = await findings(RULE, ['dockerfile/layer-cache-order/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([`${BAD}:4:5-4:11 ${RULE}`, `${BAD}:11:5-11:51 ${RULE}`, `${BAD}:17:5-17:20 ${RULE}`]);
    expect(found[0]!.message).toBe(
      '"npm ci" runs after COPY of the whole build context (line 3), so every source change installs all dependencies again; copy package.json and the lockfile first, install, then copy the rest',
    );
    expect(found[2]!.message).toContain('"go mod download" runs after COPY of the whole build context (line 15)');
  });

  it('accepts manifests first, installs inherited from a parent stage and the dummy-build trick', async () => {
    expect(await findings(RULE, ['dockerfile/layer-cache-order/good'], { cliRules: ON })).toEqual([]);
  });
});
