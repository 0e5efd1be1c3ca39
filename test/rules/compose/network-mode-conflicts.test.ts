import { describe, it } from 'vitest';
import networkModeConflicts from '../../../rules/compose/network-mode-conflicts.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/network-mode-conflicts', () => {
  it('reports network_mode with networks, and with ports it cannot publish', async () => {
    await new RuleTester(networkModeConflicts).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: host\n    networks: [front]\n    ports: ["8080:80"]\n  sidecar:\n    image: busybox:1.37\n    network_mode: "service:web"\n    ports: ["9090:9090"]\nnetworks:\n  front:\n',
          errors: [
            { line: 5, column: 5, endLine: 5, endColumn: 13, message: 'service "web" sets both network_mode ("host") and networks; compose refuses them together' },
            {
              line: 6,
              column: 5,
              endLine: 6,
              endColumn: 10,
              message: 'service "web" publishes ports with network_mode "host", where they are discarded: the container already uses the host\'s ports',
            },
            {
              line: 10,
              column: 5,
              endLine: 10,
              endColumn: 10,
              message: 'service "sidecar" publishes ports with network_mode "service:web"; Docker refuses to publish ports for a container without its own network',
            },
          ],
        },
      ],
    });
  });

  it('accepts network_mode alone', async () => {
    await new RuleTester(networkModeConflicts).run({
      valid: [
        'services:\n  web:\n    image: nginx:1.27\n    networks: [front]\n    ports: ["8080:80"]\n  sidecar:\n    image: busybox:1.37\n    network_mode: "service:web"\n  monitor:\n    image: prom/node-exporter:v1.8.2\n    network_mode: host\nnetworks:\n  front:\n',
      ],
    });
  });
});
