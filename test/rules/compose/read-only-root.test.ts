import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/read-only-root';
const on = { cliRules: [`${RULE}: warning`] };

describe(RULE, () => {
  it('reports services that publish a port on the network with a writable root filesystem', async () => {
    const found = await findings(RULE, ['compose/read-only-root/bad'], on);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `compose/read-only-root/bad/compose.yaml:2:3-2:16 ${RULE} service "orchesity-api" takes requests from the network (host port 8000) with a writable root filesystem, so whoever breaks in can change its programs and files; set read_only: true and give the paths it writes a tmpfs or a volume`,
      `compose/read-only-root/bad/compose.yaml:8:5-8:14 ${RULE} service "nginx" takes requests from the network (host port 80) with a writable root filesystem, so whoever breaks in can change its programs and files; set read_only: true and give the paths it writes a tmpfs or a volume`,
    ]);
  });

  it('accepts read_only: true, ports on loopback, services that publish nothing and data services', async () => {
    expect(await findings(RULE, ['compose/read-only-root/good'], on)).toEqual([]);
  });

  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/read-only-root/bad'])).toEqual([]);
  });
});
