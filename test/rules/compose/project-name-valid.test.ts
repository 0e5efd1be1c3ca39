import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/project-name-valid';

describe(RULE, () => {
  it('reports a name compose refuses, suggesting a valid one', async () => {
    const found = await findings(RULE, ['compose/project-name-valid/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/project-name-valid/bad/compose.yaml:1:7-1:14 compose/project-name-valid the project name "My Shop" is invalid: compose accepts only lower-case letters, digits, "-" and "_", starting with a letter or digit; for example "my-shop"',
    ]);
  });

  it('accepts lower-case letters, digits, dashes and underscores', async () => {
    expect(await findings(RULE, ['compose/project-name-valid/good'])).toEqual([]);
  });
});
