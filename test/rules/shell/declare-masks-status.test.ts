import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/declare-masks-status.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/declare-masks-status', () => {
  it('is off in the recommended preset', () => {
    expect(rule.meta.recommended).toBe(false);
  });

  it('reports local and export of a command substitution, at the variable name', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'build.sh',
          code: '#!/bin/bash\nset -e\nversion() {\n  local v=$(git describe --tags)\n  echo "$v"\n}\nexport BUILD_DATE="$(date -u +%F)"\nversion\n',
          errors: [
            {
              line: 4,
              column: 9,
              endLine: 4,
              endColumn: 10,
              message:
                '"local" returns its own status, so a failure of the command substitution assigned to v goes unnoticed (also under set -e); declare it first, then assign it on a line of its own',
            },
            {
              line: 7,
              column: 8,
              endLine: 7,
              endColumn: 18,
              message:
                '"export" returns its own status, so a failure of the command substitution assigned to BUILD_DATE goes unnoticed (also under set -e); declare it first, then assign it on a line of its own',
            },
          ],
        },
      ],
    });
  });

  it('accepts declaring first and assigning after, and substitutions nested in a default', async () => {
    await tester.run({
      valid: [
        {
          filename: 'build.sh',
          code: [
            '#!/bin/bash',
            'set -e',
            'version() {',
            '  local v',
            '  v=$(git describe --tags)',
            '  echo "$v"',
            '}',
            'BUILD_DATE="$(date -u +%F)"',
            'export BUILD_DATE',
            'local_default() {',
            '  local d="${1:-$(pwd)}" n=1',
            '  echo "$d $n"',
            '}',
            'version',
            '',
          ].join('\n'),
        },
      ],
    });
  });

  it('reports quoted, concatenated and backtick substitutions, also in a multi-line RUN', async () => {
    await tester.run({
      valid: [{ filename: 'Dockerfile', code: 'FROM alpine\nRUN arch="$(uname -m)" \\\n && export arch\n' }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN set -e; \\\n    export ARCH=$(uname -m); \\\n    echo "$ARCH"\n',
          errors: [{ line: 3, column: 12, endLine: 3, endColumn: 16, message: /^"export" returns its own status/ }],
        },
        { filename: 'run.sh', code: '#!/bin/bash\nf() {\n  local w="x$(cmd)" z=1\n  readonly R=`cmd`\n}\n', errors: [{ line: 3, column: 9 }, { line: 4, column: 12 }] },
      ],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    export V=\"$(cat /etc/alpine-release)\" && \\\n    echo \"$V\"\n',
          errors: [{ line: 3, column: 12, endLine: 3, endColumn: 13 }],
        },
      ],
    });
  });
});
