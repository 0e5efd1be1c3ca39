import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/no-inline-ignore';
const ON = { cliRules: [`${RULE}: warning`] };

describe(RULE, () => {
  it('reports hadolint ignore pragmas when switched on', async () => {
    const found = await findings(RULE, ['dockerfile/no-inline-ignore/bad'], ON);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/no-inline-ignore/bad/Dockerfile:2:1-2:25 dockerfile/no-inline-ignore inline ignore pragma: fix the finding, or record the exception in the configuration where it can be reviewed',
      'dockerfile/no-inline-ignore/bad/Dockerfile:4:1-4:32 dockerfile/no-inline-ignore inline ignore pragma: fix the finding, or record the exception in the configuration where it can be reviewed',
    ]);
  });

  it('accepts other pragmas and comments', async () => {
    expect(await findings(RULE, ['dockerfile/no-inline-ignore/good'], ON)).toEqual([]);
  });
});
