import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';
import { RuleTester } from '../../../src/testing.js';
import healthcheckComplete from '../../../rules/compose/healthcheck-complete.js';

const RULE = 'compose/healthcheck-complete';

describe(RULE, () => {
  it('reports missing timing, bad durations and retries, and a CMD list holding a whole command line', async () => {
    const found = await findings(RULE, ['compose/healthcheck-complete/bad']);
    expect(found.map(brief)).toEqual([
      'compose/healthcheck-complete/bad/compose.yaml:2:17-2:50 compose/healthcheck-complete',
      'compose/healthcheck-complete/bad/compose.yaml:8:5-8:16 compose/healthcheck-complete',
      'compose/healthcheck-complete/bad/compose.yaml:20:21-20:31 compose/healthcheck-complete',
      'compose/healthcheck-complete/bad/compose.yaml:23:5-23:16 compose/healthcheck-complete',
      'compose/healthcheck-complete/bad/compose.yaml:33:16-33:17 compose/healthcheck-complete',
    ]);
    expect(found.map((d) => d.message)).toEqual([
      'healthcheck of service "web" runs ["CMD", "curl -f http://localhost/health"], which looks for one program named by the whole string; use "CMD-SHELL" or split the arguments',
      'healthcheck of service "discovery" leaves start_period to Docker\'s defaults; set it so readiness timing is explicit',
      'healthcheck of service "api" has start_period "90 seconds", which is not a duration such as "30s" or "1m30s"',
      'healthcheck of service "web" leaves timeout, retries and start_period to Docker\'s defaults; set them so readiness timing is explicit',
      'healthcheck of service "cron" has retries "0"; it must be a whole number of at least 1',
    ]);
  });

  it('fixes missing keys where the healthcheck is written (the anchor, shared by web and admin alike) and no longer fires for them', async () => {
    const found = await findings(RULE, ['compose/healthcheck-complete/bad']);
    const { text, after } = await fixAndRelint(RULE, 'compose/healthcheck-complete/bad', found);
    expect(text).toMatchInlineSnapshot(`
      "x-healthcheck: &default-healthcheck
        test: ["CMD", "curl -f http://localhost/health"]
        interval: 5s
        timeout: 2s
        retries: 3
        start_period: 30s

      services:
        discovery:
          image: acme/discovery:1.0.0
          healthcheck:
            test: ["CMD", "wget", "-q", "-O-", "http://localhost:4860/health"]
            interval: 10s
            timeout: 3s
            retries: 2
            start_period: 30s
        api:
          image: acme/api:1.0.0
          healthcheck:
            test: curl --fail http://127.0.0.1:40831/ || exit 1
            interval: 1m
            timeout: 1m30s
            retries: 5
            start_period: 90 seconds
        web:
          image: acme/web:1.0.0
          healthcheck: *default-healthcheck
        admin:
          image: acme/admin:1.0.0
          healthcheck: *default-healthcheck
        cron:
          image: acme/cron:1.0.0
          healthcheck:
            test: ["SHELL", "true"]
            interval: 30s
            timeout: 10s
            retries: 0
      "
    `);
    expect(after.filter((d) => /leaves/.test(d.message))).toEqual([]);
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
    expect(await findings(RULE, ['compose/healthcheck-complete/good'])).toEqual([]);
  });

  it('with startPeriod: always, asks for start_period even when retries leave time to start', async () => {
    const found = await findings(RULE, ['compose/healthcheck-complete/always'], {
      cliRules: ['compose/healthcheck-complete: [warning, {startPeriod: always}]'],
    });
    expect(found.map(brief)).toEqual(['compose/healthcheck-complete/always/compose.yaml:4:5-4:16 compose/healthcheck-complete']);
    expect(await findings(RULE, ['compose/healthcheck-complete/always'])).toEqual([]);
  });
});
