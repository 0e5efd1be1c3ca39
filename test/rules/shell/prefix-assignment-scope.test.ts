import { describe, it } from 'vitest';
import rule from '../../../rules/shell/prefix-assignment-scope.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/prefix-assignment-scope', () => {
  it('reports the prefix (SC2097) and each expansion of it in the same command (SC2098)', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'init.sh',
          code: '#!/bin/sh\nDB_NAME=app psql --set db="$DB_NAME" -f init.sql\nX=1 Y=$X cmd "${X:-0}" ${#X}\nX=1 cmd "a $X"\n',
          errors: [
            {
              line: 2,
              column: 1,
              endLine: 2,
              endColumn: 12,
              compat: 'SC2097',
              message: 'DB_NAME=app is set only for psql, but the same command line expands $DB_NAME, which the shell does before the assignment; if the new value is meant there, assign DB_NAME on a line of its own first',
            },
            {
              line: 2,
              column: 28,
              endLine: 2,
              endColumn: 36,
              compat: 'SC2098',
              message: "$DB_NAME is expanded before the command runs, so it has DB_NAME's outer value, not the one set by DB_NAME=app for this command",
            },
            { line: 3, column: 1, endLine: 3, endColumn: 4, compat: 'SC2097', message: /^X=1 is set only for cmd, but the same command line expands \$X, \$\{X:-0\}, \$\{#X\},/ },
            { line: 3, column: 7, endLine: 3, endColumn: 9, compat: 'SC2098' },
            { line: 3, column: 15, endLine: 3, endColumn: 22, compat: 'SC2098' },
            { line: 3, column: 24, endLine: 3, endColumn: 29, compat: 'SC2098' },
            { line: 4, column: 1, endLine: 4, endColumn: 4, compat: 'SC2097', message: /expands \$X, which/ },
            { line: 4, column: 12, endLine: 4, endColumn: 14, compat: 'SC2098', message: /^\$X is expanded/ },
          ],
        },
      ],
    });
  });

  it('leaves expansions in redirections, heredocs, command substitutions, arithmetic and single quotes alone', async () => {
    await tester.run({
      valid: [
        {
          filename: 'init.sh',
          code: "#!/bin/bash\nX=1 cmd > \"$X.log\"\nX=1 cmd \"$(echo \"$X\")\"\nX=1 cmd $((X + 1))\nX=1 sh -c 'echo $X'\nX=1 cmd <<EOF\n$X\nEOF\nX=1\ncmd \"$X\"\nY=2 cmd \"$X\"\n",
        },
      ],
    });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN set -eu; \\\n    GOPATH=/go go build -o "$GOPATH/bin/app" .\n',
          errors: [
            { line: 3, column: 5, endLine: 3, endColumn: 15, compat: 'SC2097' },
            { line: 3, column: 29, endLine: 3, endColumn: 36, compat: 'SC2098' },
          ],
        },
      ],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    V=1 echo \"$V\"\n',
          errors: [{ line: 3, column: 5, endLine: 3, endColumn: 8 }, { line: 3, column: 15, endLine: 3, endColumn: 17 }],
        },
      ],
    });
  });
});
