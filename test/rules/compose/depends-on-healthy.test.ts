import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';

const RULE = 'compose/depends-on-healthy';
const ON = ['compose/depends-on-healthy: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/depends-on-healthy/bad'])).toEqual([]);
  });

  it('reports dependencies that have a healthcheck but are not waited for, and waits on healthchecks that do not exist', async () => {
    const found = await findings(RULE, ['compose/depends-on-healthy/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/depends-on-healthy/bad/compose.yaml:6:9-6:17 compose/depends-on-healthy',
      'compose/depends-on-healthy/bad/compose.yaml:9:18-9:26 compose/depends-on-healthy',
      'compose/depends-on-healthy/bad/compose.yaml:9:28-9:33 compose/depends-on-healthy',
      'compose/depends-on-healthy/bad/compose.yaml:14:20-14:35 compose/depends-on-healthy',
      'compose/depends-on-healthy/bad/compose.yaml:15:7-15:12 compose/depends-on-healthy',
      'compose/depends-on-healthy/bad/compose.yaml:21:20-21:35 compose/depends-on-healthy',
      'compose/depends-on-healthy/bad/compose.yaml:25:20-25:35 compose/depends-on-healthy',
      'compose/depends-on-healthy/bad/compose.yaml:27:20-27:35 compose/depends-on-healthy',
    ]);
    expect(found[0]!.message).toBe(
      'service "console" starts as soon as "postgres" has started, not when its healthcheck passes; use condition: service_healthy',
    );
    expect(found[5]!.message).toBe(
      'service "proxy" waits for "web" to be healthy, but "web" has no healthcheck in compose or in its Dockerfile, so "proxy" never starts',
    );
    expect(found[6]!.message).toBe('service "proxy" waits for "legacy" to be healthy, but its healthcheck is disabled, so "proxy" never starts');
    expect(found[7]!.message).toBe(
      'service "proxy" waits for "discovery" to be healthy, but "discovery" declares no healthcheck (only its image could provide one), so "proxy" never starts',
    );
  });

  it('rewrites short lists in the long form and sets service_healthy, after which only the missing healthchecks remain', async () => {
    const found = await findings(RULE, ['compose/depends-on-healthy/bad'], { cliRules: ON });
    const { text, after } = await fixAndRelint(RULE, 'compose/depends-on-healthy/bad', found, 'compose.yaml', ON);
    expect(text).toMatchInlineSnapshot(`
      "services:
        console:
          image: acme/console:1.0.0
          depends_on:
            discovery:
              condition: service_started
            postgres:
              condition: service_healthy
        dispatch:
          image: acme/dispatch:1.0.0
          depends_on: { postgres: { condition: service_healthy }, cache: { condition: service_healthy } }
        worker:
          image: acme/worker:1.0.0
          depends_on:
            postgres:
              condition: service_healthy
            cache:
              restart: true
              condition: service_healthy
        proxy:
          image: nginx:1.27
          depends_on:
            web:
              condition: service_healthy
            cache:
              condition: service_healthy
            legacy:
              condition: service_healthy
            discovery:
              condition: service_healthy
        web:
          build: ./web
        legacy:
          image: acme/legacy:1.0.0
          healthcheck:
            disable: true
        discovery:
          image: acme/discovery:1.0.0
        postgres:
          image: postgres:16.4
          healthcheck:
            test: ["CMD", "pg_isready", "-U", "postgres"]
            interval: 5s
            timeout: 3s
            retries: 5
        cache:
          image: redis:7.4
          healthcheck:
            test: ["CMD", "redis-cli", "ping"]
      "
    `);
    expect(after.map((d) => d.message).filter((m) => m.includes('starts as soon as'))).toEqual([]);
  });

  it("accepts the seed's service_healthy, lists of services without healthchecks and completed jobs", async () => {
    expect(await findings(RULE, ['compose/depends-on-healthy/good'], { cliRules: ON })).toEqual([]);
  });
});
