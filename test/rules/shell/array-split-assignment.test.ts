import { describe, it } from 'vitest';
import rule from '../../../rules/shell/array-split-assignment.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/array-split-assignment', () => {
  it('reports in a script', async () => {
    await tester.run({ invalid: [{ filename: 'run.sh', code: '#!/bin/bash\nhosts=($HOSTS)\nall=( a$v "$w" ${list[@]} )\n', errors: [{ line: 2, column: 8, endLine: 2, endColumn: 14, message: 'unquoted $HOSTS in an array is split on blanks and glob-expanded into elements; quote it for one element, or split it on purpose with read -ra or mapfile' }, { line: 3, column: 8, endLine: 3, endColumn: 10 }, { line: 3, column: 16, endLine: 3, endColumn: 26 }] }] });
  });

  it('stays quiet where it should', async () => {
    await tester.run({ valid: [{ filename: 'run.sh', code: '#!/bin/bash\nhosts=("$HOSTS" "${list[@]}" ${#list[@]} $? $(cmd) *.txt)\nread -ra hosts <<< "$HOSTS"\n' }] });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({ invalid: [{ filename: 'Dockerfile', code: 'FROM debian\nSHELL ["/bin/bash", "-c"]\nRUN set -e; \\\n    pkgs=($PKGS); \\\n    apt-get install -y "${pkgs[@]}"\n', errors: [{ line: 4, column: 11, endLine: 4, endColumn: 16, message: /^unquoted \$PKGS in an array/ }] }] });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN apt-get update && \\\n    pkgs=($PKGS) && \\\n    apt-get install -y \"${pkgs[@]}\"\n',
          errors: [{ line: 4, column: 11, endLine: 4, endColumn: 16 }],
        },
      ],
    });
  });
});
