import { describe, it } from 'vitest';
import rule from '../../../rules/shell/array-to-string.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/array-to-string', () => {
  it('reports in a script', async () => {
    await tester.run({ invalid: [{ filename: 'run.sh', code: '#!/bin/bash\nTEST_ARGS=$@\nrest="${@:2}"\nall="a ${arr[@]}"\n', errors: [{ line: 2, column: 11, endLine: 2, endColumn: 13, message: 'TEST_ARGS=$@ joins the elements of $@ into one string, so arguments with blanks cannot be told apart later; assign an array (TEST_ARGS=("$@")) and expand it as "${TEST_ARGS[@]}", or use $* to join on purpose' }, { line: 3, column: 6, endLine: 3, endColumn: 14 }, { line: 4, column: 5, endLine: 4, endColumn: 18 }] }] });
  });

  it('stays quiet where it should', async () => {
    await tester.run({ valid: [{ filename: 'run.sh', code: '#!/bin/bash\nargs=("$@")\nline="$*"\nn=${#arr[@]}\nout=$(printf "%s" "$@")\nfirst=${arr[0]}\n' }] });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({ invalid: [{ filename: 'Dockerfile', code: 'FROM debian\nRUN set -e; \\\n    x=$@; \\\n    echo "$x"\n', errors: [{ line: 3, column: 7, endLine: 3, endColumn: 9 }] }] });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN pkgs=(curl git) && \\\n    list=${pkgs[@]} && \\\n    echo \"$list\"\n',
          errors: [{ line: 4, column: 10, endLine: 4, endColumn: 20 }],
        },
      ],
    });
  });
});
