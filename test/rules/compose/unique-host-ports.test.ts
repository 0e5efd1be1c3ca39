import { describe, it } from 'vitest';
import uniqueHostPorts from '../../../rules/compose/unique-host-ports.js';
import { RuleTester } from '../../../src/testing.js';

const FAILS = 'the second container fails to start';

describe('compose/unique-host-ports', () => {
  it('reports a host port published twice, inside ranges and within one service', async () => {
    await new RuleTester(uniqueHostPorts).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  web:
    image: acme/web:1.0.0
    ports:
      - "8080:80"
      - "9000-9005:9000-9005"
  admin:
    image: acme/admin:1.0.0
    ports:
      - "8080:8080"
      - "9003:9003"
  dns:
    image: acme/dns:1.0.0
    ports:
      - "127.0.0.1:5300:53/udp"
      - "127.0.0.1:5300:53/udp"
`,
          errors: [
            { line: 10, column: 9, endLine: 10, endColumn: 20, message: `service "admin" publishes host port 8080/tcp, which service "web" already publishes (line 5); ${FAILS}` },
            { line: 11, column: 9, endLine: 11, endColumn: 20, message: `service "admin" publishes host port 9003/tcp, which service "web" already publishes (line 6); ${FAILS}` },
            { line: 16, column: 9, endLine: 16, endColumn: 32, message: `service "dns" publishes host port 5300/udp, which it already publishes (line 15); ${FAILS}` },
          ],
        },
      ],
    });
  });

  it('accepts one port for tcp and udp, different addresses, variables and ports Compose picks', async () => {
    await new RuleTester(uniqueHostPorts).run({
      valid: [
        `services:
  logstash:
    image: logstash:7.16.1
    ports:
      - "5000:5000/tcp"
      - "5000:5000/udp"
  a:
    image: acme/a:1.0.0
    ports:
      - "127.0.0.1:8080:80"
  b:
    image: acme/b:1.0.0
    ports:
      - "127.0.0.2:8080:80"
      - "\${B_PORT}:80"
      - "80"
  c:
    image: acme/c:1.0.0
    ports:
      - "\${B_PORT}:80"
      - "80"
`,
      ],
    });
  });

  it('reports ports only between services that start together: no profiles, or a profile in common', async () => {
    // One stack per profile (--profile aio or --profile app), as hoppscotch runs it: aio and app (or backend) are
    // alternatives that publish the same ports but never start together; migrate runs with every profile, like db.
    await new RuleTester(uniqueHostPorts).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  backend:
    image: acme/backend:1.0.0
    profiles: ["app", "backend"]
    ports:
      - "3170:3170"
  app:
    image: acme/app:1.0.0
    profiles: ["app"]
    ports:
      - "3000:3000"
  aio:
    image: acme/aio:1.0.0
    profiles: ["aio"]
    ports:
      - "3000:3000"
      - "3170:3170"
  db:
    image: postgres:16.4
    ports:
      - "127.0.0.1:5432:5432"
  migrate:
    image: acme/backend:1.0.0
    profiles: ["aio", "app"]
    ports:
      - "127.0.0.1:5432:5432"
`,
          errors: [{ line: 26, column: 9, endLine: 26, endColumn: 30, message: `service "migrate" publishes host port 5432/tcp, which service "db" already publishes (line 21); ${FAILS}` }],
        },
      ],
    });
  });

  it('lets services of profiles never enabled together publish the same port, but not a service that always runs', async () => {
    const code = (aio: string) =>
      [
        'services:',
        '  app:',
        '    image: acme/app:1.0.0',
        '    profiles: ["app"]',
        '    ports:',
        '      - "3000:3000"',
        '  aio:',
        '    image: acme/aio:1.0.0',
        `    profiles: ${aio}`,
        '    ports:',
        '      - "3000:3000"',
        '',
      ].join('\n');
    await new RuleTester(uniqueHostPorts).run({
      valid: [code('["default"]')],
      invalid: [
        { filename: 'compose.yaml', code: code('["default", "app"]'), errors: [{ line: 11, column: 9, message: /^service "aio" publishes host port 3000\/tcp, which service "app" already publishes/ }] },
        { filename: 'compose.yaml', code: code('[]'), errors: [{ line: 11, column: 9, message: /^service "aio" publishes host port 3000\/tcp/ }] },
      ],
    });
  });
});
