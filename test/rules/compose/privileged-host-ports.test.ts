import { describe, expect, it } from 'vitest';
import privilegedHostPorts from '../../../rules/compose/privileged-host-ports.js';
import { RuleTester } from '../../../src/testing.js';

const NGINX = `services:
  nginx:
    image: nginx:1.27
    ports:
      - 80:80
      - 443:443
      - 2222:22
      - 8443:443
`;

describe('compose/privileged-host-ports', () => {
  it('is off in the recommended preset', () => {
    expect(privilegedHostPorts.meta.recommended).toBe(false);
  });

  it('reports host ports below 1024 other than 80 and 443', async () => {
    await new RuleTester(privilegedHostPorts).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  pihole:
    image: pihole/pihole:2024.07.0
    ports:
      - "53:53/tcp"
      - "53:53/udp"
      - "67:67/udp"
      - "8080:80/tcp"
  sshd:
    image: acme/sshd:1.0.0
    ports:
      - target: 22
        published: 22
`,
          errors: [
            {
              line: 5,
              column: 9,
              endLine: 5,
              endColumn: 20,
              message:
                "service \"pihole\" publishes privileged host port 53, which needs root (or CAP_NET_BIND_SERVICE) on the host side; publish a port of 1024 or above, or allow this one in the rule's options",
            },
            { line: 6, column: 9, endLine: 6, endColumn: 20 },
            { line: 7, column: 9, endLine: 7, endColumn: 20 },
            { line: 13, column: 20, endLine: 13, endColumn: 22 },
          ],
        },
      ],
    });
  });

  it('accepts 80, 443 and high host ports; allow: [] makes 80 and 443 findings too', async () => {
    await new RuleTester(privilegedHostPorts).run({
      valid: [NGINX],
      invalid: [
        {
          filename: 'compose.yaml',
          code: NGINX,
          options: { allow: [] },
          errors: [
            { line: 5, column: 9, endLine: 5, endColumn: 14 },
            { line: 6, column: 9, endLine: 6, endColumn: 16 },
          ],
        },
      ],
    });
  });
});
