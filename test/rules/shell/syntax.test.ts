import { describe, it } from 'vitest';
import builtins from '../../../rules/index.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(builtins.rules.find((r) => r.meta.id === 'shell/syntax')!);

describe('shell/syntax', () => {
  it('reports a syntax error of a script at its position', async () => {
    await tester.run({
      valid: [{ filename: 'run.sh', code: '#!/bin/sh\necho "$(( 1 + 2 ))"\n' }],
      invalid: [{ filename: 'run.sh', code: '#!/bin/sh\necho "$(( 1 + ))"\n', errors: [{ line: 2, column: 13, endLine: 2, endColumn: 13, message: '`+` must be followed by an expression' }] }],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    echo "$(( 1 + ))" && \\\n    echo done\n',
          errors: [{ line: 3, column: 17, endLine: 3, endColumn: 17, message: '`+` must be followed by an expression' }],
        },
      ],
    });
  });
});
