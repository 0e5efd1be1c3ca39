import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../../src/testing.js';
import healthcheckComplete from '../../../rules/compose/healthcheck-complete.js';

const RULE = 'compose/healthcheck-complete';

/** The anchor holds the CMD list with a whole command line, and only a test and an interval. */
const bad = (anchorTiming: string, discoveryStart: string) =>
  [
    'x-healthcheck: &default-healthcheck',
    '  test: ["CMD", "curl -f http://localhost/health"]',
    `  interval: 5s${anchorTiming}`,
    '',
    'services:',
    '  discovery:',
    '    image: acme/discovery:1.0.0',
    '    healthcheck:',
    '      test: ["CMD", "wget", "-q", "-O-", "http://localhost:4860/health"]',
    '      interval: 10s',
    '      timeout: 3s',
    `      retries: 2${discoveryStart}`,
    '  api:',
    '    image: acme/api:1.0.0',
    '    healthcheck:',
    '      test: curl --fail http://127.0.0.1:40831/ || exit 1',
    '      interval: 1m',
    '      timeout: 1m30s',
    '      retries: 5',
    '      start_period: 90 seconds',
    '  web:',
    '    image: acme/web:1.0.0',
    '    healthcheck: *default-healthcheck',
    '  admin:',
    '    image: acme/admin:1.0.0',
    '    healthcheck: *default-healthcheck',
    '  cron:',
    '    image: acme/cron:1.0.0',
    '    healthcheck:',
    '      test: ["SHELL", "true"]',
    '      interval: 30s',
    '      timeout: 10s',
    '      retries: 0',
    '',
  ].join('\n');

/** The missing keys written where the healthcheck is: in the anchor, shared by web and admin alike, and in discovery. */
const fixedBad = bad('\n  timeout: 2s\n  retries: 3\n  start_period: 30s', '\n      start_period: 30s');

const always = 'services:\n  postgres:\n    image: postgres:15-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n';

describe(RULE, () => {
  it('offers unsafe fixes', () => {
    expect(healthcheckComplete.meta.fix).toBe('unsafe');
  });

  it('reports missing timing, bad durations and retries, and a CMD list holding a whole command line; fixes missing keys where the healthcheck is written (the anchor, shared by web and admin alike)', async () => {
    await new RuleTester(healthcheckComplete).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: bad('', ''),
          errors: [
            {
              line: 2,
              column: 17,
              endLine: 2,
              endColumn: 50,
              message: 'healthcheck of service "web" runs ["CMD", "curl -f http://localhost/health"], which looks for one program named by the whole string; use "CMD-SHELL" or split the arguments',
            },
            { line: 8, column: 5, endLine: 8, endColumn: 16, message: 'healthcheck of service "discovery" leaves start_period to Docker\'s defaults; set it so readiness timing is explicit' },
            { line: 20, column: 21, endLine: 20, endColumn: 31, message: 'healthcheck of service "api" has start_period "90 seconds", which is not a duration such as "30s" or "1m30s"' },
            {
              line: 23,
              column: 5,
              endLine: 23,
              endColumn: 16,
              message: 'healthcheck of service "web" leaves timeout, retries and start_period to Docker\'s defaults; set them so readiness timing is explicit',
            },
            { line: 33, column: 16, endLine: 33, endColumn: 17, message: 'healthcheck of service "cron" has retries "0"; it must be a whole number of at least 1' },
          ],
          output: fixedBad,
        },
      ],
    });
  });

  it('after its fix, reports only what it cannot fix: the CMD string, the bad duration and the retries', async () => {
    await new RuleTester(healthcheckComplete).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: fixedBad,
          errors: [
            { line: 2, column: 17, message: /^healthcheck of service "web" runs \["CMD", "curl -f http:\/\/localhost\/health"\]/ },
            { line: 24, column: 21, message: /^healthcheck of service "api" has start_period "90 seconds"/ },
            { line: 37, column: 16, message: /^healthcheck of service "cron" has retries "0"/ },
          ],
        },
      ],
    });
  });

  it('says nothing of a timeout as long as the interval or longer: Docker starts the next probe only after the last one ends', async () => {
    // The shape of a real postgres service (interval 5s, timeout 5s) and of an all-in-one image checked every 2s with 10s to answer.
    const code = [
      'services:',
      '  db:',
      '    image: postgres:15',
      '    healthcheck:',
      '      test: ["CMD-SHELL", "sh -c \'pg_isready\'"]',
      '      interval: 5s',
      '      timeout: 5s',
      '      retries: 10',
      '  aio:',
      '    image: acme/aio:1.0.0',
      '    healthcheck:',
      '      test: ["CMD", "curl", "-f", "http://localhost:80"]',
      '      interval: 2s',
      '      timeout: 10s',
      '      retries: 30',
      '',
    ].join('\n');
    // A missing timeout no longer draws a remark about the default one either.
    const missing = 'services:\n  web:\n    image: acme/web:1.0.0\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 5s\n      retries: 10\n';
    await new RuleTester(healthcheckComplete).run({
      valid: [{ filename: 'compose.yaml', code }],
      invalid: [
        {
          filename: 'compose.yaml',
          code: missing,
          errors: [{ line: 4, column: 5, message: 'healthcheck of service "web" leaves timeout to Docker\'s defaults; set it so readiness timing is explicit' }],
          output: missing + '      timeout: 2s\n',
        },
      ],
    });
  });

  it("accepts the seeds' healthchecks, disabled ones and NONE", async () => {
    await new RuleTester(healthcheckComplete).run({
      valid: [
        [
          'services:',
          '  # Seed 000: the API\'s healthcheck.',
          '  api:',
          '    image: acme/api:1.0.0',
          '    healthcheck:',
          '      test: curl --fail http://127.0.0.1:40831/ || exit 1',
          '      interval: 1m',
          '      timeout: 10s',
          '      retries: 5',
          '      start_period: 1m30s',
          '      start_interval: 1s',
          '  nginx:',
          '    image: nginx:1.27',
          '    healthcheck:',
          "      test: ['CMD', 'service', 'nginx', 'status']",
          '      interval: 30s',
          '      timeout: 10s',
          '      retries: 5',
          '      start_period: 1m30s',
          '  off:',
          '    image: acme/off:1.0.0',
          '    healthcheck:',
          '      disable: true',
          '  none:',
          '    image: acme/none:1.0.0',
          '    healthcheck:',
          '      test: ["NONE"]',
          '',
        ].join('\n'),
        // Seed 002: postgres checks every 10s, five times: 50s for a slow start.
        always,
      ],
    });
  });

  it('with startPeriod: always, asks for start_period even when retries leave time to start', async () => {
    await new RuleTester(healthcheckComplete).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: always,
          options: { startPeriod: 'always' },
          errors: [{ line: 4, column: 5, endLine: 4, endColumn: 16, message: 'healthcheck of service "postgres" leaves start_period to Docker\'s defaults; set it so readiness timing is explicit' }],
          output: always + '      start_period: 30s\n',
        },
      ],
    });
  });
});
