import { describe, it } from 'vitest';
import rule from '../../../rules/shell/self-assignment.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/self-assignment', () => {
  it('reports in a script', async () => {
    await tester.run({ invalid: [{ filename: 'run.sh', code: '#!/bin/sh\nWORKERS=${WORKERS}\nname="$name"; port=$port\n', errors: [{ line: 2, column: 1, endLine: 2, endColumn: 19, message: 'WORKERS=${WORKERS} assigns WORKERS its own value, which does nothing; remove it, or give a default with : "${WORKERS:=value}"' }, { line: 3, column: 1, endLine: 3, endColumn: 13 }, { line: 3, column: 15, endLine: 3, endColumn: 25 }] }] });
  });

  it('stays quiet where it should', async () => {
    await tester.run({ valid: [{ filename: 'run.sh', code: '#!/bin/bash\nf() { local name=$name; echo "$name"; }\nPATH=$PATH:/opt/bin\nx=${x:-1}\nx+=$x\nLANG=$LANG cmd\n' }] });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({ invalid: [{ filename: 'Dockerfile', code: 'FROM alpine\nRUN set -e; \\\n    HOME=$HOME; \\\n    echo ok\n', errors: [{ line: 3, column: 5, endLine: 3, endColumn: 15 }] }] });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    x=$x && \\\n    echo ok\n',
          errors: [{ line: 3, column: 5, endLine: 3, endColumn: 9 }],
        },
      ],
    });
  });
});
