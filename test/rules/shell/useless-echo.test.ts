import { describe, it } from 'vitest';
import rule from '../../../rules/shell/useless-echo.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/useless-echo', () => {
  it('reports in a script', async () => {
    await tester.run({ invalid: [{ filename: 'run.sh', code: '#!/bin/sh\necho $(date -u)\necho "$(hostname)"\nx=`echo $(id -u)`\n', errors: [{ line: 2, column: 6, endLine: 2, endColumn: 16, message: 'echo $(date -u) prints what the command prints, through an extra step that also squeezes its blanks and newlines; run the command itself' }, { line: 3, column: 6, endLine: 3, endColumn: 19, message: 'echo "$(hostname)" prints what the command prints, through an extra step; run the command itself' }, { line: 4, column: 9, endLine: 4, endColumn: 17 }] }] });
  });

  it('stays quiet where it should', async () => {
    await tester.run({ valid: [{ filename: 'run.sh', code: '#!/bin/sh\necho "host: $(hostname)"\necho -n "$(date)"\necho $(a) $(b)\necho "$x"\n' }] });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({ invalid: [{ filename: 'Dockerfile', code: 'FROM alpine\nRUN set -e; \\\n    echo "$(uname -m)" > /arch\n', errors: [{ line: 3, column: 10, endLine: 3, endColumn: 23 }] }] });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    echo $(uname -m)\n',
          errors: [{ line: 3, column: 10, endLine: 3, endColumn: 21 }],
        },
      ],
    });
  });
});
