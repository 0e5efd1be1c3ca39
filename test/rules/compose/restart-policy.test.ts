import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';

const RULE = 'compose/restart-policy';
const ON = ['compose/restart-policy: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/restart-policy/bad'])).toEqual([]);
  });

  it('reports long-running services without a restart policy and invalid policies', async () => {
    const found = await findings(RULE, ['compose/restart-policy/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/restart-policy/bad/compose.yaml:5:3-5:6 compose/restart-policy',
      'compose/restart-policy/bad/compose.yaml:9:3-9:9 compose/restart-policy',
      'compose/restart-policy/bad/compose.yaml:13:14-13:19 compose/restart-policy',
      'compose/restart-policy/bad/compose.yaml:14:3-14:8 compose/restart-policy',
    ]);
    expect(found[0]!.message).toBe('service "api" sets no restart policy, so it stays down after a crash or a Docker restart');
    expect(found[2]!.message).toBe(
      'service "scheduler" has restart "never", which is not one of "no", "always", "on-failure[:N]" or "unless-stopped"',
    );
    expect(found[3]!.fix).toBeUndefined(); // a flow mapping is left to the user
  });

  it('adds restart: unless-stopped to block mappings (after a merge key too) and then no longer fires there', async () => {
    const found = await findings(RULE, ['compose/restart-policy/bad'], { cliRules: ON });
    const { text, after } = await fixAndRelint(RULE, 'compose/restart-policy/bad', found, 'compose.yaml', ON);
    expect(text).toMatchInlineSnapshot(`
      "x-base: &base
        image: acme/base:1.0.0

      services:
        api:
          image: acme/api:1.0.0
          ports:
            - "8000:8000"
          restart: unless-stopped
        worker:
          <<: *base
          restart: unless-stopped
        scheduler:
          image: acme/scheduler:1.0.0
          restart: never
        nginx: {image: "nginx:1.27"}
      "
    `);
    expect(after.map(brief)).toEqual([
      'compose.yaml:15:14-15:19 compose/restart-policy',
      'compose.yaml:16:3-16:8 compose/restart-policy',
    ]);
  });

  it('with policy: always, adds that policy', async () => {
    const found = await findings(RULE, ['compose/restart-policy/bad'], { cliRules: ['compose/restart-policy: [warning, {policy: always}]'] });
    expect(found[0]!.fix!.edits[0]!.text).toBe('    restart: always\n');
  });

  it("accepts the seed's policies, one-shot jobs, deploy.restart_policy and extends", async () => {
    expect(await findings(RULE, ['compose/restart-policy/good'], { cliRules: ON })).toEqual([]);
  });
});
