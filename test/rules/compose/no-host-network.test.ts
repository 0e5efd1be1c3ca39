import { describe, it } from 'vitest';
import noHostNetwork from '../../../rules/compose/no-host-network.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/no-host-network', () => {
  it("reports network_mode: host, also when it is a variable's default", async () => {
    await new RuleTester(noHostNetwork).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  processor:
    image: acme/processor:1.0.0
    network_mode: host
  plex:
    image: linuxserver/plex:1.40.0
    network_mode: "\${PLEX_NETWORK:-host}"
`,
          errors: [
            {
              line: 4,
              column: 19,
              endLine: 4,
              endColumn: 23,
              message:
                "service \"processor\" uses network_mode: host: it shares the host's network stack, every port it opens is open on the host and ports/networks no longer apply; publish the ports it needs instead",
            },
            { line: 7, column: 19, endLine: 7, endColumn: 42, message: /^service "plex" uses network_mode: host:/ },
          ],
        },
      ],
    });
  });

  it('accepts published ports, service: and none modes', async () => {
    await new RuleTester(noHostNetwork).run({
      valid: [
        `services:
  api:
    image: acme/api:1.0.0
    ports:
      - "127.0.0.1:40831:40831"
  sidecar:
    image: acme/sidecar:1.0.0
    network_mode: "service:api"
  offline:
    image: acme/offline:1.0.0
    network_mode: none
`,
      ],
    });
  });
});
