import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/single-healthcheck';

describe(RULE, () => {
  it('reports every HEALTHCHECK a later one of the same stage overrides', async () => {
    const found = await findings(RULE, ['dockerfile/single-healthcheck/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/single-healthcheck/bad/Dockerfile:2:1-2:12 dockerfile/single-healthcheck this HEALTHCHECK is overridden by the HEALTHCHECK on line 3: only the last one in a stage sets the health check',
    ]);
  });

  it('accepts one HEALTHCHECK per stage', async () => {
    expect(await findings(RULE, ['dockerfile/single-healthcheck/good'])).toEqual([]);
  });
});
