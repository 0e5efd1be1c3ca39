import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/numeric-user';
const ON = { cliRules: [`${RULE}: warning`] };

describe(RULE, () => {
  it('reports USER names when switched on', async () => {
    const found = await findings(RULE, ['dockerfile/numeric-user/bad'], ON);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/numeric-user/bad/Dockerfile:2:6-2:10 dockerfile/numeric-user USER node is a name: only the image\'s /etc/passwd can resolve it, so runAsNonRoot checks and host-side tools cannot tell whether it is root; use the numeric UID',
      'dockerfile/numeric-user/bad/Dockerfile:3:6-3:15 dockerfile/numeric-user USER app:staff is a name: only the image\'s /etc/passwd can resolve it, so runAsNonRoot checks and host-side tools cannot tell whether it is root; use the numeric UID:GID',
    ]);
  });

  it('accepts UIDs, UID:GID and variables', async () => {
    expect(await findings(RULE, ['dockerfile/numeric-user/good'], ON)).toEqual([]);
  });
});
