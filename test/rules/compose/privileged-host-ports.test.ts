import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/privileged-host-ports';
const ON = ['compose/privileged-host-ports: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/privileged-host-ports/bad'])).toEqual([]);
  });

  it('reports host ports below 1024 other than 80 and 443', async () => {
    const found = await findings(RULE, ['compose/privileged-host-ports/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/privileged-host-ports/bad/compose.yaml:6:9-6:20 compose/privileged-host-ports',
      'compose/privileged-host-ports/bad/compose.yaml:7:9-7:20 compose/privileged-host-ports',
      'compose/privileged-host-ports/bad/compose.yaml:8:9-8:20 compose/privileged-host-ports',
      'compose/privileged-host-ports/bad/compose.yaml:14:20-14:22 compose/privileged-host-ports',
    ]);
    expect(found[0]!.message).toBe(
      "service \"pihole\" publishes privileged host port 53, which needs root (or CAP_NET_BIND_SERVICE) on the host side; publish a port of 1024 or above, or allow this one in the rule's options",
    );
  });

  it('accepts 80, 443 and high host ports; allow: [] makes 80 and 443 findings too', async () => {
    expect(await findings(RULE, ['compose/privileged-host-ports/good'], { cliRules: ON })).toEqual([]);
    const strict = await findings(RULE, ['compose/privileged-host-ports/good'], { cliRules: ['compose/privileged-host-ports: [warning, {allow: []}]'] });
    expect(strict.map(brief)).toEqual([
      'compose/privileged-host-ports/good/compose.yaml:5:9-5:14 compose/privileged-host-ports',
      'compose/privileged-host-ports/good/compose.yaml:6:9-6:16 compose/privileged-host-ports',
    ]);
  });
});
