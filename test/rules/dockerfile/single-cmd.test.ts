import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/single-cmd';

describe(RULE, () => {
  it('reports every CMD a later CMD of the same stage overrides', async () => {
    const found = await findings(RULE, ['dockerfile/single-cmd/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/single-cmd/bad/Dockerfile:2:1-2:4 dockerfile/single-cmd this CMD is overridden by the CMD on line 4: only the last one in a stage sets the default command',
    ]);
  });

  it('accepts one CMD per stage, HEALTHCHECK CMD and ONBUILD CMD', async () => {
    expect(await findings(RULE, ['dockerfile/single-cmd/good'])).toEqual([]);
  });
});
