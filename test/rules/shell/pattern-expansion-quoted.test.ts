import { describe, it } from 'vitest';
import rule from '../../../rules/shell/pattern-expansion-quoted.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/pattern-expansion-quoted', () => {
  it('reports the first unquoted expansion in a #, ##, % or %% pattern', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'trim.sh',
          code: '#!/bin/sh\nname="${file#$prefix}"\nbase=${path##*$sep} x=${v%${suffix}.txt} y=${v%%$(cmd)} z=${v#$1}\n',
          errors: [
            {
              line: 2,
              column: 14,
              endLine: 2,
              endColumn: 21,
              message: '$prefix in the pattern of ${file#$prefix} is unquoted, so a *, ? or [ in its value acts as a glob; write "$prefix" to remove the value as it is',
            },
            { line: 3, column: 15, endLine: 3, endColumn: 19 },
            { line: 3, column: 27, endLine: 3, endColumn: 36, message: /^\$\{suffix\} in the pattern/ },
            { line: 3, column: 49, endLine: 3, endColumn: 55 },
            { line: 3, column: 63, endLine: 3, endColumn: 65 },
          ],
        },
      ],
    });
  });

  it('leaves quoted expansions, replacements and defaults alone', async () => {
    await tester.run({
      valid: [{ filename: 'trim.sh', code: '#!/bin/bash\necho "${file#"$prefix"}" "${v%\'$x\'}" "${v/$a/b}" "${v:-$d}" "${v#\\$x}" "${v%.txt}"\n' }],
    });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      invalid: [{ filename: 'Dockerfile', code: 'FROM alpine\nRUN set -e; \\\n    v="${TAG#$PREFIX}"; echo "$v"\n', errors: [{ line: 3, column: 14, endLine: 3, endColumn: 21 }] }],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN f=/tmp/a.tar.gz && ext=\".gz\" && \\\n    echo \"${f%$ext}\" && \\\n    echo \"${f%\"$ext\"}\"\n',
          errors: [{ line: 3, column: 15, endLine: 3, endColumn: 19 }],
        },
      ],
    });
  });
});
