import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { RuleTester } from '../../../src/testing.js';
import uniqueHostPorts from '../../../rules/compose/unique-host-ports.js';

const RULE = 'compose/unique-host-ports';

describe(RULE, () => {
  it('reports a host port published twice, inside ranges and within one service', async () => {
    const found = await findings(RULE, ['compose/unique-host-ports/bad']);
    expect(found.map(brief)).toEqual([
      'compose/unique-host-ports/bad/compose.yaml:10:9-10:20 compose/unique-host-ports',
      'compose/unique-host-ports/bad/compose.yaml:11:9-11:20 compose/unique-host-ports',
      'compose/unique-host-ports/bad/compose.yaml:16:9-16:32 compose/unique-host-ports',
    ]);
    expect(found.map((d) => d.message)).toEqual([
      'service "admin" publishes host port 8080/tcp, which service "web" already publishes (line 5); the second container fails to start',
      'service "admin" publishes host port 9003/tcp, which service "web" already publishes (line 6); the second container fails to start',
      'service "dns" publishes host port 5300/udp, which it already publishes (line 15); the second container fails to start',
    ]);
  });

  it('accepts one port for tcp and udp, different addresses, variables and ports Compose picks', async () => {
    expect(await findings(RULE, ['compose/unique-host-ports/good'])).toEqual([]);
  });

  it('reports ports only between services that start together: no profiles, or a profile in common', async () => {
    const found = await findings(RULE, ['compose/unique-host-ports/profiles']);
    // aio and app (or backend) are alternative profiles; migrate runs with every profile, like db.
    expect(found.map(brief)).toEqual(['compose/unique-host-ports/profiles/compose.yaml:28:9-28:30 compose/unique-host-ports']);
    expect(found[0]!.message).toBe(
      'service "migrate" publishes host port 5432/tcp, which service "db" already publishes (line 23); the second container fails to start',
    );
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
