import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/single-entrypoint';

describe(RULE, () => {
  it('reports every ENTRYPOINT a later one of the same stage overrides', async () => {
    const found = await findings(RULE, ['dockerfile/single-entrypoint/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/single-entrypoint/bad/Dockerfile:2:1-2:11 dockerfile/single-entrypoint this ENTRYPOINT is overridden by the ENTRYPOINT on line 3: only the last one in a stage sets the entrypoint',
    ]);
  });

  it('accepts one ENTRYPOINT per stage', async () => {
    expect(await findings(RULE, ['dockerfile/single-entrypoint/good'])).toEqual([]);
  });
});
