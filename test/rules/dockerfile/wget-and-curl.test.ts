import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/wget-and-curl';

describe(RULE, () => {
  it('reports each RUN that uses the second download tool of a stage', async () => {
    const found = await findings(RULE, ['dockerfile/wget-and-curl/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/wget-and-curl/bad/Dockerfile:3:5-3:9 dockerfile/wget-and-curl this stage already uses wget (line 2); installing and using both curl and wget adds a tool the image does not need',
      'dockerfile/wget-and-curl/bad/Dockerfile:5:42-5:46 dockerfile/wget-and-curl this stage already uses wget (line 2); installing and using both curl and wget adds a tool the image does not need',
    ]);
  });

  it('accepts one tool per stage and installing the other', async () => {
    expect(await findings(RULE, ['dockerfile/wget-and-curl/good'])).toEqual([]);
  });
});
