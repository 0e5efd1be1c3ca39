import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/no-host-network';

describe(RULE, () => {
  it("reports network_mode: host, also when it is a variable's default", async () => {
    const found = await findings(RULE, ['compose/no-host-network/bad']);
    expect(found.map(brief)).toEqual([
      'compose/no-host-network/bad/compose.yaml:5:19-5:23 compose/no-host-network',
      'compose/no-host-network/bad/compose.yaml:8:19-8:42 compose/no-host-network',
    ]);
    expect(found[0]!.message).toBe(
      "service \"processor\" uses network_mode: host: it shares the host's network stack, every port it opens is open on the host and ports/networks no longer apply; publish the ports it needs instead",
    );
  });

  it('accepts published ports, service: and none modes', async () => {
    expect(await findings(RULE, ['compose/no-host-network/good'])).toEqual([]);
  });
});
