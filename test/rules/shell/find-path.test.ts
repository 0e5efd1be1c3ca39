import { describe, it } from 'vitest';
import rule from '../../../rules/shell/find-path.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/find-path', () => {
  it('reports in a script', async () => {
    await tester.run({ invalid: [{ filename: 'run.sh', code: '#!/bin/sh\nfind -name "*.pyc" -delete\nfind -L -type l\nfind\n', errors: [{ line: 2, column: 1, endLine: 2, endColumn: 5, message: 'find has no folder to search: GNU and BusyBox find use ".", BSD and macOS find stop with an error; name it (find . …)' }, { line: 3, column: 1, endLine: 3, endColumn: 5 }, { line: 4, column: 1, endLine: 4, endColumn: 5 }], output: '#!/bin/sh\nfind . -name "*.pyc" -delete\nfind -L . -type l\nfind .\n' }] });
  });

  it('stays quiet where it should', async () => {
    await tester.run({ valid: [{ filename: 'run.sh', code: '#!/bin/sh\nfind . -name "*.pyc" -delete\nfind -L /usr -type l\nfind "$dir" -type f\nsudo find -name x\n' }] });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({ invalid: [{ filename: 'Dockerfile', code: 'FROM alpine\nRUN set -e; \\\n    find -name "*.pyc" -delete\n', errors: [{ line: 3, column: 5, endLine: 3, endColumn: 9 }], output: 'FROM alpine\nRUN set -e; \\\n    find . -name "*.pyc" -delete\n' }] });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache python3 && \\\n    find -name \"*.pyc\" -delete\n',
          errors: [{ line: 3, column: 5, endLine: 3, endColumn: 9 }],
          output: 'FROM alpine:3.21\nRUN apk add --no-cache python3 && \\\n    find . -name \"*.pyc\" -delete\n',
        },
      ],
    });
  });
});
