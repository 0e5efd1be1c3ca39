import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/internal-network';
const ON = ['compose/internal-network: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/internal-network/bad'])).toEqual([]);
  });

  it('reports data services that publish ports while on a network that is not internal', async () => {
    const found = await findings(RULE, ['compose/internal-network/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/internal-network/bad/compose.yaml:8:9-8:20 compose/internal-network',
      'compose/internal-network/bad/compose.yaml:14:9-14:28 compose/internal-network',
      'compose/internal-network/bad/compose.yaml:19:20-19:24 compose/internal-network',
    ]);
    expect(found[0]!.message).toBe(
      'service "postgres" runs postgres and publishes 5432 while on "backend", which is not internal; attach it only to internal: true networks and let other services reach it there (use expose, not ports)',
    );
    expect(found[2]!.message).toContain('while on "backend", "frontend", which are not internal');
  });

  it("accepts the seed's internal backend network and data services that publish nothing", async () => {
    expect(await findings(RULE, ['compose/internal-network/good'], { cliRules: ON })).toEqual([]);
  });

  it('takes the list of data-service images from settings.dataServiceImages', async () => {
    const byDefault = await findings(RULE, ['compose/internal-network/settings'], { cliRules: ON });
    expect(byDefault.map(brief)).toEqual(['compose/internal-network/settings/compose.yaml:9:9-9:20 compose/internal-network']);
    const configured = await findings(RULE, ['compose/internal-network/settings'], {
      noConfigLookup: false,
      configFile: 'compose/internal-network/settings/policy.yaml',
      cliRules: ON,
    });
    expect(configured.map(brief)).toEqual(['compose/internal-network/settings/compose.yaml:5:9-5:20 compose/internal-network']);
    expect(configured[0]!.message).toMatch(/^service "ledger" runs ledger-db and publishes 7000/);
  });
});
