import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/no-sleep-for-readiness.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);
const WHY = 'waits a fixed time, not until the services are ready; use "docker compose up -d --wait" with healthchecks';
/** The CI sequence of seed 003. */
const ciStart = (phase1: string) =>
  [
    '#!/bin/sh',
    '# CI: pre-start containers before pytest runs',
    'set -e',
    '',
    '# Phase 1: Database services',
    phase1,
    'sleep 10',
    '',
    '# Phase 2: Application services',
    'docker compose -f docker-compose.yml -f docker-compose.ci.yml up -d --build api app chat scheduler',
    'echo "waiting for the application services"',
    'sleep 30',
    '',
    'docker-compose up --detach && sleep 5',
    '',
  ].join('\n');
const CI_START = ciStart('docker compose -f docker-compose.yml -f docker-compose.ci.yml up -d --build postgres redis');

describe('shell/no-sleep-for-readiness', () => {
  it('reports a fixed sleep after up -d', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'ci-start.sh',
          code: CI_START,
          errors: [
            { line: 7, column: 1, endLine: 7, endColumn: 9, message: `"sleep 10" after "docker compose up -d" ${WHY}` },
            { line: 12, column: 1, endLine: 12, endColumn: 9, message: `"sleep 30" after "docker compose up -d" ${WHY}` },
            { line: 14, column: 31, endLine: 14, endColumn: 38, message: `"sleep 5" after "docker-compose up --detach" ${WHY}` },
          ],
        },
      ],
    });
  });

  it('suggests --wait on the up command, never as an automatic fix', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'ci-start.sh',
          code: CI_START,
          errors: [
            { line: 7, column: 1, suggestionOutputs: [ciStart('docker compose -f docker-compose.yml -f docker-compose.ci.yml up -d --wait --build postgres redis')] },
            { line: 12, column: 1 },
            { line: 14, column: 31 },
          ],
        },
      ],
    });
    expect(rule.meta.fix).toBe('none');
  });

  it('accepts up --wait, polling loops and sleeps that follow other commands', async () => {
    await tester.run({
      valid: [
        {
          filename: 'ci-start.sh',
          code: [
            '#!/bin/sh',
            'set -e',
            'docker compose -f docker-compose.yml -f docker-compose.ci.yml up -d --wait postgres redis',
            'docker compose up --detach --wait --wait-timeout 120 api',
            'docker compose up -d worker',
            'until curl -fsS http://localhost:8000/api/health; do sleep 2; done',
            'docker compose logs --tail=20 worker',
            'sleep 1',
            '',
          ].join('\n'),
        },
      ],
    });
  });
});
