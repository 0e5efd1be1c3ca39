import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';

const RULE = 'compose/ports-loopback';
const ON = ['compose/ports-loopback: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/ports-loopback/bad'])).toEqual([]);
  });

  it('reports data-service ports published on every interface, in every syntax', async () => {
    const found = await findings(RULE, ['compose/ports-loopback/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/ports-loopback/bad/compose.yaml:6:9-6:20 compose/ports-loopback',
      'compose/ports-loopback/bad/compose.yaml:10:9-10:18 compose/ports-loopback',
      'compose/ports-loopback/bad/compose.yaml:11:9-11:26 compose/ports-loopback',
      'compose/ports-loopback/bad/compose.yaml:15:9-15:14 compose/ports-loopback',
      'compose/ports-loopback/bad/compose.yaml:17:20-17:27 compose/ports-loopback',
      'compose/ports-loopback/bad/compose.yaml:19:18-19:25 compose/ports-loopback',
      'compose/ports-loopback/bad/compose.yaml:23:9-23:35 compose/ports-loopback',
    ]);
    expect(found[0]!.message).toBe(
      'service "postgres" runs postgres and publishes port 5432 on every interface, so anything that can reach the host can reach it; bind it to 127.0.0.1 (or another explicit address)',
    );
    expect(found[3]!.message).toContain('publishes container port 27017 (on a random host port) on every interface');
  });

  it('binds each port to 127.0.0.1 and then no longer fires', async () => {
    const found = await findings(RULE, ['compose/ports-loopback/bad'], { cliRules: ON });
    const { text, after } = await fixAndRelint(RULE, 'compose/ports-loopback/bad', found, 'compose.yaml', ON);
    expect(text).toMatchInlineSnapshot(`
      "# Seed 002: the database ports published on every interface.
      services:
        postgres:
          image: postgres:15-alpine
          ports:
            - "127.0.0.1:5432:5432"
        redis:
          image: redis:7-alpine
          ports:
            - 127.0.0.1:6379:6379
            - 127.0.0.1:6380:6380
        mongo:
          image: mongo:7.0
          ports:
            - "127.0.0.1::27017"
            - target: 27018
              published: "27018"
              host_ip: 127.0.0.1
            - target: 27019
              host_ip: 127.0.0.1
        mysql:
          image: mysql:8.4
          ports:
            - "127.0.0.1:\${MYSQL_PORT:-3306}:3306"
      "
    `);
    expect(after).toEqual([]);
  });

  it('accepts loopback and explicit addresses (also as ${VAR:-127.0.0.1}), unknown addresses and other services', async () => {
    expect(await findings(RULE, ['compose/ports-loopback/good'], { cliRules: ON })).toEqual([]);
  });

  it('with all: true, reports every service', async () => {
    const found = await findings(RULE, ['compose/ports-loopback/all'], { cliRules: ['compose/ports-loopback: [warning, {all: true}]'] });
    expect(found.map(brief)).toEqual(['compose/ports-loopback/all/compose.yaml:5:9-5:14 compose/ports-loopback']);
    expect(found[0]!.message).toMatch(/^service "nginx" publishes port 80 on every interface/);
  });
});
