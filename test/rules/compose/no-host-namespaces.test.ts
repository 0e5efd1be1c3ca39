import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/no-host-namespaces';

describe(RULE, () => {
  it('reports pid, ipc, userns_mode and uts set to host', async () => {
    const found = await findings(RULE, ['compose/no-host-namespaces/bad']);
    expect(found.map(brief)).toEqual([
      'compose/no-host-namespaces/bad/compose.yaml:4:10-4:14 compose/no-host-namespaces',
      'compose/no-host-namespaces/bad/compose.yaml:5:10-5:14 compose/no-host-namespaces',
      'compose/no-host-namespaces/bad/compose.yaml:8:18-8:24 compose/no-host-namespaces',
      'compose/no-host-namespaces/bad/compose.yaml:9:10-9:14 compose/no-host-namespaces',
    ]);
    expect(found.map((d) => d.message)).toEqual([
      'service "monitor" sets pid: host and sees and can signal every process on the host',
      "service \"monitor\" sets ipc: host and shares the host's shared memory and message queues",
      'service "builder" sets userns_mode: host and opts out of user-namespace remapping, so root in the container is root on the host',
      "service \"builder\" sets uts: host and can change the host's hostname",
    ]);
  });

  it("accepts namespaces shared with another service and the container's own", async () => {
    expect(await findings(RULE, ['compose/no-host-namespaces/good'])).toEqual([]);
  });
});
