import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';

const RULE = 'compose/healthcheck-complete';

describe(RULE, () => {
  it('reports missing timing, a timeout not below the interval, bad durations and retries, and a CMD list holding a whole command line', async () => {
    const found = await findings(RULE, ['compose/healthcheck-complete/bad']);
    expect(found.map(brief)).toEqual([
      'compose/healthcheck-complete/bad/compose.yaml:2:17-2:50 compose/healthcheck-complete',
      'compose/healthcheck-complete/bad/compose.yaml:8:5-8:16 compose/healthcheck-complete',
      'compose/healthcheck-complete/bad/compose.yaml:18:16-18:21 compose/healthcheck-complete',
      'compose/healthcheck-complete/bad/compose.yaml:20:21-20:31 compose/healthcheck-complete',
      'compose/healthcheck-complete/bad/compose.yaml:23:5-23:16 compose/healthcheck-complete',
      'compose/healthcheck-complete/bad/compose.yaml:33:16-33:17 compose/healthcheck-complete',
    ]);
    expect(found.map((d) => d.message)).toEqual([
      'healthcheck of service "web" runs ["CMD", "curl -f http://localhost/health"], which looks for one program named by the whole string; use "CMD-SHELL" or split the arguments',
      'healthcheck of service "discovery" leaves start_period to Docker\'s defaults; set it so readiness timing is explicit',
      'healthcheck of service "api" has a timeout (1m30s) that is not shorter than its interval (1m), so a hanging check overlaps the next one',
      'healthcheck of service "api" has start_period "90 seconds", which is not a duration such as "30s" or "1m30s"',
      'healthcheck of service "web" leaves timeout, retries and start_period to Docker\'s defaults (the default timeout, 30s, is not shorter than the 5s interval); set them so readiness timing is explicit',
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
