import { describe, expect, it } from 'vitest';
import dependsOnHealthy from '../../../rules/compose/depends-on-healthy.js';
import { RuleTester } from '../../../src/testing.js';

/** The services depended on: two with a healthcheck, one without, one whose check is disabled, one built from a Dockerfile without HEALTHCHECK. */
const dependencies = [
  '  web:',
  '    build: ./web',
  '  legacy:',
  '    image: acme/legacy:1.0.0',
  '    healthcheck:',
  '      disable: true',
  '  discovery:',
  '    image: acme/discovery:1.0.0',
  '  postgres:',
  '    image: postgres:16.4',
  '    healthcheck:',
  '      test: ["CMD", "pg_isready", "-U", "postgres"]',
  '      interval: 5s',
  '      timeout: 3s',
  '      retries: 5',
  '  cache:',
  '    image: redis:7.4',
  '    healthcheck:',
  '      test: ["CMD", "redis-cli", "ping"]',
  '',
].join('\n');
const webDockerfile = { 'web/Dockerfile': 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n' };

const dependents = (console: string, dispatch: string, worker: string) =>
  [
    'services:',
    '  console:',
    '    image: acme/console:1.0.0',
    '    depends_on:',
    console,
    '  dispatch:',
    '    image: acme/dispatch:1.0.0',
    `    depends_on: ${dispatch}`,
    '  worker:',
    '    image: acme/worker:1.0.0',
    '    depends_on:',
    '      postgres:',
    `        condition: ${worker}`,
    '      cache:',
    `        restart: true${worker === 'service_healthy' ? '\n        condition: service_healthy' : ''}`,
    '  proxy:',
    '    image: nginx:1.27',
    '    depends_on:',
    '      web:',
    '        condition: service_healthy',
    '      cache:',
    '        condition: service_healthy',
    '      legacy:',
    '        condition: service_healthy',
    '      discovery:',
    '        condition: service_healthy',
    dependencies,
  ].join('\n');

/** The short lists in the long form, every healthcheck waited for. */
const fixed = dependents(
  '      discovery:\n        condition: service_started\n      postgres:\n        condition: service_healthy',
  '{ postgres: { condition: service_healthy }, cache: { condition: service_healthy } }',
  'service_healthy',
);

const startsAsSoon = (service: string, dependency: string) =>
  `service "${service}" starts as soon as "${dependency}" has started, not when its healthcheck passes; use condition: service_healthy`;

describe('compose/depends-on-healthy', () => {
  it('is off in the recommended preset, and its fix is unsafe', () => {
    expect(dependsOnHealthy.meta.recommended).toBe(false);
    expect(dependsOnHealthy.meta.fix).toBe('unsafe');
  });

  it('reports dependencies that have a healthcheck but are not waited for, and waits on healthchecks that do not exist; rewrites short lists in the long form with service_healthy', async () => {
    await new RuleTester(dependsOnHealthy).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: dependents('      - discovery\n      - postgres', '[postgres, cache]', 'service_started'),
          files: webDockerfile,
          errors: [
            { line: 6, column: 9, endLine: 6, endColumn: 17, message: startsAsSoon('console', 'postgres') },
            { line: 9, column: 18, endLine: 9, endColumn: 26, message: startsAsSoon('dispatch', 'postgres') },
            { line: 9, column: 28, endLine: 9, endColumn: 33, message: startsAsSoon('dispatch', 'cache') },
            { line: 14, column: 20, endLine: 14, endColumn: 35, message: startsAsSoon('worker', 'postgres') },
            { line: 15, column: 7, endLine: 15, endColumn: 12, message: startsAsSoon('worker', 'cache') },
            {
              line: 21,
              column: 20,
              endLine: 21,
              endColumn: 35,
              message: 'service "proxy" waits for "web" to be healthy, but "web" has no healthcheck in compose or in its Dockerfile, so "proxy" never starts',
            },
            { line: 25, column: 20, endLine: 25, endColumn: 35, message: 'service "proxy" waits for "legacy" to be healthy, but its healthcheck is disabled, so "proxy" never starts' },
            {
              line: 27,
              column: 20,
              endLine: 27,
              endColumn: 35,
              message: 'service "proxy" waits for "discovery" to be healthy, but "discovery" declares no healthcheck (only its image could provide one), so "proxy" never starts',
            },
          ],
          output: fixed,
        },
      ],
    });
  });

  it('after its fix, reports only the waits on healthchecks that do not exist', async () => {
    await new RuleTester(dependsOnHealthy).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: fixed,
          files: webDockerfile,
          errors: [
            { line: 24, column: 20, message: /^service "proxy" waits for "web" to be healthy, but "web" has no healthcheck/ },
            { line: 28, column: 20, message: /^service "proxy" waits for "legacy" to be healthy, but its healthcheck is disabled/ },
            { line: 30, column: 20, message: /^service "proxy" waits for "discovery" to be healthy, but "discovery" declares no healthcheck/ },
          ],
        },
      ],
    });
  });

  it("accepts the seed's service_healthy, lists of services without healthchecks and completed jobs", async () => {
    await new RuleTester(dependsOnHealthy).run({
      valid: [
        [
          'services:',
          '  console:',
          '    image: acme/console:1.0.0',
          '    depends_on:',
          '      - discovery',
          '  dispatch:',
          '    image: acme/dispatch:1.0.0',
          '    depends_on:',
          '      postgres:',
          '        condition: service_healthy',
          '      migrate:',
          '        condition: service_completed_successfully',
          '  discovery:',
          '    image: acme/discovery:1.0.0',
          '  migrate:',
          '    image: acme/migrate:1.0.0',
          '    healthcheck:',
          '      test: ["CMD", "true"]',
          '  postgres:',
          '    image: postgres:16.4',
          '    healthcheck:',
          '      test: ["CMD", "pg_isready", "-U", "postgres"]',
          '      interval: 5s',
          '      timeout: 3s',
          '      retries: 5',
          '',
        ].join('\n'),
      ],
    });
  });
});
