import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/healthcheck-required';
const ON = ['compose/healthcheck-required: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/healthcheck-required/bad'])).toEqual([]);
  });

  it('reports services without a healthcheck in compose or in the Dockerfile that builds them', async () => {
    const found = await findings(RULE, ['compose/healthcheck-required/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/healthcheck-required/bad/compose.yaml:6:3-6:8 compose/healthcheck-required',
      'compose/healthcheck-required/bad/compose.yaml:11:3-11:6 compose/healthcheck-required',
      'compose/healthcheck-required/bad/compose.yaml:14:3-14:9 compose/healthcheck-required',
    ]);
    expect(found[0]!.message).toBe('service "nginx" has no healthcheck, so Compose cannot tell when it is ready or when it hangs');
    expect(found[1]!.message).toBe(
      'service "api" has no healthcheck and compose/healthcheck-required/bad/api/Dockerfile has no HEALTHCHECK, so Compose cannot tell when it is ready or when it hangs',
    );
  });

  it("accepts the seed's healthchecks, a Dockerfile HEALTHCHECK, one-shot jobs, disabled checks and Dockerfiles outside the run", async () => {
    expect(await findings(RULE, ['compose/healthcheck-required/good'], { cliRules: ON })).toEqual([]);
  });
});
