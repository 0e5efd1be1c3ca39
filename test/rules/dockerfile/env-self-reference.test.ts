import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/env-self-reference';

describe(RULE, () => {
  it('reports a variable set earlier in the same ENV', async () => {
    const found = await findings(RULE, ['dockerfile/env-self-reference/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/env-self-reference/bad/Dockerfile:2:24-2:30 dockerfile/env-self-reference $BLA is set earlier in this same ENV, but every value of one ENV is expanded before any is set, so it gets the old value; move BLUBB to its own ENV',
      'dockerfile/env-self-reference/bad/Dockerfile:3:35-3:40 dockerfile/env-self-reference $PATH is set earlier in this same ENV, but every value of one ENV is expanded before any is set, so it gets the old value; move PATH to its own ENV',
    ]);
  });

  it('accepts separate ENVs, partial name matches, PATH=…:$PATH, ARG values and quoted or escaped dollars', async () => {
    expect(await findings(RULE, ['dockerfile/env-self-reference/good'])).toEqual([]);
  });
});
