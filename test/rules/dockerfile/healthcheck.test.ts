import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/healthcheck';
const ON = ['dockerfile/healthcheck: info'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['dockerfile/healthcheck/bad'])).toEqual([]);
  });

  it('reports service images without HEALTHCHECK, naming the compose services that lack one too', async () => {
    const found = await findings(RULE, ['dockerfile/healthcheck/bad'], { cliRules: ON });
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `dockerfile/healthcheck/bad/compose/api/Dockerfile:1:6-1:22 ${RULE} the image declares no HEALTHCHECK, so Docker cannot tell a hung service from a healthy one (compose service "worker" built from it has none either)`,
      `dockerfile/healthcheck/bad/service/Dockerfile:1:6-1:23 ${RULE} the image declares no HEALTHCHECK, so Docker cannot tell a hung service from a healthy one`,
    ]);
    expect(found[0]!.severity).toBe('info');
  });

  it('accepts HEALTHCHECK (also NONE, also in a parent stage), compose healthchecks (also from an override), base images and images that run nothing', async () => {
    expect(await findings(RULE, ['dockerfile/healthcheck/good'], { cliRules: ON })).toEqual([]);
  });
});
