import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/compose-v2.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);
const MESSAGE = '`docker-compose` is Compose v1, which reached end of life in 2023; use the Compose v2 plugin, `docker compose`';
const inspect = (compose: string) =>
  [
    '#!/bin/sh',
    '# Container inspection (from the test-environment guide)',
    'set -e',
    '',
    '# View running containers',
    `${compose} -f docker-compose.test.yaml ps`,
    '',
    '# View logs',
    `${compose} -f docker-compose.test.yaml logs api-test`,
    '',
    '# Execute commands in container',
    `${compose} -f docker-compose.test.yaml exec api-test bash`,
    '',
  ].join('\n');

describe('shell/compose-v2', () => {
  it('reports docker-compose in scripts and fixes it to docker compose, keeping the arguments', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'inspect.sh',
          code: inspect('docker-compose'),
          errors: [6, 9, 12].map((line) => ({ line, column: 1, endLine: line, endColumn: 15, message: MESSAGE })),
          output: inspect('docker compose'),
        },
      ],
      valid: [{ filename: 'inspect.sh', code: inspect('docker compose'), name: 'the fixed script' }],
    });
  });

  it('offers the fix as unsafe (the v2 plugin may be missing where v1 ran)', () => {
    expect(rule.meta.fix).toBe('unsafe');
  });

  it('runs on RUN bodies: the command on the second line of a RUN, not the package name', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM docker:27-cli\nRUN apk add --no-cache docker-compose \\\n && docker-compose version\n',
          errors: [{ line: 3, column: 5, endLine: 3, endColumn: 19 }],
          output: 'FROM docker:27-cli\nRUN apk add --no-cache docker-compose \\\n && docker compose version\n',
        },
      ],
    });
  });

  it('accepts docker compose and mentions of docker-compose that do not run it', async () => {
    await tester.run({
      valid: [
        {
          filename: 'inspect.sh',
          code: [
            '#!/bin/sh',
            'set -e',
            'if ! command -v docker-compose >/dev/null 2>&1; then',
            '  echo "docker-compose (v1) is not installed, good"',
            'fi',
            'docker compose -f docker-compose.test.yaml ps',
            'pip install docker-compose-diagram',
            '',
          ].join('\n'),
        },
      ],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache docker-cli && \\\n    docker-compose version\n',
          errors: [{ line: 3, column: 5, endLine: 3, endColumn: 19 }],
          output: 'FROM alpine:3.21\nRUN apk add --no-cache docker-cli && \\\n    docker compose version\n',
        },
      ],
    });
  });
});
