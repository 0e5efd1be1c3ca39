import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/scaling-conflicts';

describe(RULE, () => {
  it('reports container_name and too few host ports on services with several replicas', async () => {
    const found = await findings(RULE, ['compose/scaling-conflicts/bad']);
    expect(found.map(brief)).toEqual([
      'compose/scaling-conflicts/bad/compose.yaml:4:21-4:36 compose/scaling-conflicts',
      'compose/scaling-conflicts/bad/compose.yaml:6:9-6:20 compose/scaling-conflicts',
      'compose/scaling-conflicts/bad/compose.yaml:13:9-13:25 compose/scaling-conflicts',
    ]);
    expect(found.map((d) => d.message)).toEqual([
      'service "discovery" runs 3 replicas but sets container_name, and container names are unique: only one replica can start',
      'service "discovery" runs 3 replicas but publishes host port 4860, which only one replica can bind; publish a range of 3 ports or let Compose pick them (only the container port)',
      'service "worker" runs 4 replicas but publishes host port 9000-9001, which only 2 replicas can bind; publish a range of 4 ports or let Compose pick them (only the container port)',
    ]);
  });

  it("accepts the seed's three replicas behind three host ports, ports Compose picks and a single replica", async () => {
    expect(await findings(RULE, ['compose/scaling-conflicts/good'])).toEqual([]);
  });
});
