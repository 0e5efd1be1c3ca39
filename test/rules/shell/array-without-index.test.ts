import { describe, it } from 'vitest';
import rule from '../../../rules/shell/array-without-index.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/array-without-index', () => {
  it('reports $arr and ${arr} for arrays the script makes and for bash\'s own arrays', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'backup.sh',
          code: [
            '#!/bin/bash',
            'dirs=(/etc /srv/data)',
            'tar -czf backup.tgz "$dirs"',
            'exec gosu app "$BASH_SOURCE" "$@"',
            'declare -A seen; echo "${seen}"',
            'read -ra parts <<< "a b"; echo $parts',
            'mapfile -t lines < f; readarray; echo "$lines $MAPFILE"',
            'hosts[1]=db; [ -n "$hosts" ]',
            '',
          ].join('\n'),
          errors: [
            {
              line: 3,
              column: 22,
              endLine: 3,
              endColumn: 27,
              message: '$dirs expands only the first element of the array dirs; write "${dirs[@]}" for all of them, or ${dirs[0]} if the first is meant',
            },
            { line: 4, column: 16, endLine: 4, endColumn: 28, message: /^\$BASH_SOURCE expands only the first element of the array BASH_SOURCE;/ },
            { line: 5, column: 24, endLine: 5, endColumn: 31 },
            { line: 6, column: 32, endLine: 6, endColumn: 38 },
            { line: 7, column: 40, endLine: 7, endColumn: 46 },
            { line: 7, column: 47, endLine: 7, endColumn: 55, message: /^\$MAPFILE expands/ },
            { line: 8, column: 20, endLine: 8, endColumn: 26 },
          ],
        },
      ],
    });
  });

  it('leaves indexes, [@], lengths, operators, scalars and exported -a alone', async () => {
    await tester.run({
      valid: [
        {
          filename: 'backup.sh',
          code: [
            '#!/bin/bash',
            'dirs=(/etc /srv)',
            'echo "${dirs[0]}" "${dirs[@]}" "${#dirs}" "${#dirs[@]}" "${dirs:-none}" "${dirs%/}" "${!dirs[@]}"',
            'name=app; echo "$name ${name}"',
            'read -r -p "name? " answer; echo "$answer"',
            'export -a exported; echo "$exported"',
            'echo "${BASH_SOURCE[0]}" "${FUNCNAME[1]}"',
            '',
          ].join('\n'),
        },
      ],
    });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian\nSHELL ["/bin/bash", "-c"]\nRUN pkgs=(curl git); \\\n    apt-get install -y "$pkgs"\n',
          errors: [{ line: 4, column: 25, endLine: 4, endColumn: 30, message: /^\$pkgs expands only the first element of the array pkgs;/ }],
        },
      ],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN pkgs=(curl git) && \\\n    apt-get update && \\\n    echo \"$pkgs\"\n',
          errors: [{ line: 5, column: 11, endLine: 5, endColumn: 16 }],
        },
      ],
    });
  });
});
