import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/no-package-upgrade';
const ON = ['dockerfile/no-package-upgrade: info'];
const BAD = 'dockerfile/no-package-upgrade/bad/Dockerfile';

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['dockerfile/no-package-upgrade/bad'])).toEqual([]);
  });

  it('reports whole-system upgrades at the command', async () => {
    const found = await findings(RULE, ['dockerfile/no-package-upgrade/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([`${BAD}:2:23-2:38 ${RULE}`, `${BAD}:4:8-4:31 ${RULE}`, `${BAD}:7:5-7:16 ${RULE}`, `${BAD}:10:5-10:18 ${RULE}`]);
    expect(found[1]!.message).toBe(
      'apt-get dist-upgrade upgrades whatever the mirrors serve on the day of the build, so two builds of the same commit differ; pull a newer base image (or upgrade named packages) instead',
    );
    expect(found[0]!.severity).toBe('info');
  });

  it('accepts upgrades of named packages, and leaves zypper dist-upgrade to its own rule', async () => {
    expect(await findings(RULE, ['dockerfile/no-package-upgrade/good'], { cliRules: ON })).toEqual([]);
  });
});
