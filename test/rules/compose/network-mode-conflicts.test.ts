import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/network-mode-conflicts';

describe(RULE, () => {
  it('reports network_mode with networks, and with ports it cannot publish', async () => {
    const found = await findings(RULE, ['compose/network-mode-conflicts/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/network-mode-conflicts/bad/compose.yaml:5:5-5:13 compose/network-mode-conflicts service "web" sets both network_mode ("host") and networks; compose refuses them together',
      'compose/network-mode-conflicts/bad/compose.yaml:6:5-6:10 compose/network-mode-conflicts service "web" publishes ports with network_mode "host", where they are discarded: the container already uses the host\'s ports',
      'compose/network-mode-conflicts/bad/compose.yaml:10:5-10:10 compose/network-mode-conflicts service "sidecar" publishes ports with network_mode "service:web"; Docker refuses to publish ports for a container without its own network',
    ]);
  });

  it('accepts network_mode alone', async () => {
    expect(await findings(RULE, ['compose/network-mode-conflicts/good'])).toEqual([]);
  });
});
