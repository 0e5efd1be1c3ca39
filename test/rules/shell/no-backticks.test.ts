import { describe, it } from 'vitest';
import rule from '../../../rules/shell/no-backticks.js';
import { RuleTester } from '../../../src/testing.js';

const MESSAGE = 'write this command substitution as $(…): backticks do not nest without escaping, and backslashes inside them are easy to get wrong';
const tester = new RuleTester(rule);

describe('shell/no-backticks', () => {
  it('reports backtick substitutions, quoted or not, and rewrites them to $(…) unless a nested escaped backtick would change meaning', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'stamp.sh',
          code: '#!/bin/sh\nnow=`date +%s`\necho "started at `hostname`"\nfiles=`ls \\`pwd\\``\necho "$now $files"\n',
          errors: [
            { line: 2, column: 5, endLine: 2, endColumn: 15, message: MESSAGE },
            { line: 3, column: 18, endLine: 3, endColumn: 28, message: MESSAGE },
            { line: 4, column: 7, endLine: 4, endColumn: 19, message: MESSAGE },
          ],
          output: '#!/bin/sh\nnow=$(date +%s)\necho "started at $(hostname)"\nfiles=`ls \\`pwd\\``\necho "$now $files"\n',
        },
      ],
    });
  });

  it('accepts $(…), escaped and single-quoted backticks', async () => {
    await tester.run({ valid: [{ filename: 'stamp.sh', code: '#!/bin/sh\nnow=$(date +%s)\necho "started at $(hostname) \\`not a substitution\\`"\necho \'`literal`\' "$now"\n' }] });
  });

  it('rewrites to $(…) when nothing inside changes meaning, also in a multi-line RUN', async () => {
    await tester.run({
      valid: [{ filename: 'Dockerfile', code: 'FROM alpine\nRUN echo "$(uname -m)" \\\n && echo \'`x`\'\n' }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN set -e; \\\n    arch=`uname -m`; \\\n    echo "$arch"\n',
          errors: [{ line: 3, column: 10, endLine: 3, endColumn: 20, message: MESSAGE }],
          output: 'FROM alpine\nRUN set -e; \\\n    arch=$(uname -m); \\\n    echo "$arch"\n',
        },
        {
          filename: 'run.sh',
          code: '#!/bin/sh\nd=`(cd x; pwd)`\ne="`echo \\$HOME`"\n',
          errors: [{ line: 2, column: 3 }, { line: 3, column: 4 }],
        },
      ],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    arch=`uname -m` && \\\n    echo \"$arch\"\n',
          errors: [{ line: 3, column: 10, endLine: 3, endColumn: 20 }],
          output: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    arch=$(uname -m) && \\\n    echo \"$arch\"\n',
        },
      ],
    });
  });
});
