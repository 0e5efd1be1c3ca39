import { describe, it } from 'vitest';
import noHostNamespaces from '../../../rules/compose/no-host-namespaces.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/no-host-namespaces', () => {
  it('reports pid, ipc, userns_mode and uts set to host, at the value', async () => {
    await new RuleTester(noHostNamespaces).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  monitor:
    image: acme/monitor:1.0.0
    pid: host
    ipc: host
  builder:
    image: acme/builder:1.0.0
    userns_mode: "host"
    uts: host
`,
          errors: [
            { line: 4, column: 10, endLine: 4, endColumn: 14, message: 'service "monitor" sets pid: host and sees and can signal every process on the host' },
            { line: 5, column: 10, endLine: 5, endColumn: 14, message: "service \"monitor\" sets ipc: host and shares the host's shared memory and message queues" },
            {
              line: 8,
              column: 18,
              endLine: 8,
              endColumn: 24,
              message: 'service "builder" sets userns_mode: host and opts out of user-namespace remapping, so root in the container is root on the host',
            },
            { line: 9, column: 10, endLine: 9, endColumn: 14, message: "service \"builder\" sets uts: host and can change the host's hostname" },
          ],
        },
      ],
    });
  });

  it("accepts namespaces shared with another service and the container's own", async () => {
    await new RuleTester(noHostNamespaces).run({
      valid: [
        `services:
  app:
    image: acme/app:1.0.0
    ipc: shareable
  sidecar:
    image: acme/sidecar:1.0.0
    pid: "service:app"
    ipc: "service:app"
`,
      ],
    });
  });
});
