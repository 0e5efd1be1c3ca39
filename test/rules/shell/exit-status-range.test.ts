import { describe, it } from 'vitest';
import rule from '../../../rules/shell/exit-status-range.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/exit-status-range', () => {
  it('reports exit -1 and exit 256, naming the status the shell really uses', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'usage.sh',
          code: '#!/bin/sh\nif [ -z "$1" ]; then\n  echo "usage: $0 name" >&2\n  exit -1\nfi\nexit 256\n',
          errors: [
            { line: 4, column: 8, endLine: 4, endColumn: 10, message: 'exit status -1 is not a number from 0 to 255: the shell exits with 255 instead' },
            { line: 6, column: 6, endLine: 6, endColumn: 9, message: 'exit status 256 is not a number from 0 to 255: the shell exits with 0 instead' },
          ],
        },
      ],
    });
  });

  it('accepts 0 to 255, expansions and a bare exit', async () => {
    await tester.run({ valid: [{ filename: 'usage.sh', code: '#!/bin/sh\n[ -n "$1" ] || exit 1\ntest -f x || exit 255\nexit "$status"\nexit $?\nexit\n' }] });
  });

  it('reports a word that is not a number, and works inside a multi-line RUN', async () => {
    await tester.run({
      valid: [{ filename: 'Dockerfile', code: 'FROM alpine\nRUN test -f /etc/app.conf \\\n    || exit 3\n' }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN test -f /etc/app.conf \\\n    || exit -2\n',
          errors: [{ line: 3, column: 13, endLine: 3, endColumn: 15, message: 'exit status -2 is not a number from 0 to 255: the shell exits with 254 instead' }],
        },
        {
          filename: 'deploy.sh',
          code: '#!/bin/sh\nexit failed\n',
          errors: [{ line: 2, column: 6, message: 'exit status failed is not a number from 0 to 255: the shell reports an error and exits with 2' }],
        },
      ],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    test -f /etc/hosts || exit 256\n',
          errors: [{ line: 3, column: 32, endLine: 3, endColumn: 35 }],
        },
      ],
    });
  });
});
