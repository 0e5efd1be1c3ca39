import { describe, it } from 'vitest';
import rule from '../../../rules/shell/for-quoted-list.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/for-quoted-list', () => {
  it('reports a quoted glob and a quoted command substitution as the only loop item', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'loop.sh',
          code: '#!/bin/sh\nfor f in "/etc/app/*.conf"; do\n  echo "$f"\ndone\nfor u in "$(cat users.txt)"; do adduser "$u"; done\n',
          errors: [
            {
              line: 2,
              column: 10,
              endLine: 2,
              endColumn: 27,
              message: 'the loop runs once, over "/etc/app/*.conf" as one word: double quotes keep the glob from matching files; leave the glob characters unquoted',
            },
            {
              line: 5,
              column: 10,
              endLine: 5,
              endColumn: 28,
              message: 'the loop runs once, over "$(cat users.txt)" as one word: double quotes keep the expansion from splitting into words; remove them, or read it into an array',
            },
          ],
        },
      ],
    });
  });

  it('accepts unquoted globs, "$@", "${arr[@]}", several items and a quoted literal', async () => {
    await tester.run({
      valid: [
        {
          filename: 'loop.sh',
          code: [
            '#!/bin/bash',
            'for f in /etc/app/*.conf "$HOME"/*.conf; do echo "$f"; done',
            'for a in "$@"; do echo "$a"; done',
            'for a in "${args[@]}"; do echo "$a"; done',
            'for a in "one two"; do echo "$a"; done',
            'for a in $(cat users.txt); do echo "$a"; done',
            '',
          ].join('\n'),
        },
      ],
    });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      valid: [
        { filename: 'Dockerfile', code: 'FROM alpine\nRUN for f in /tmp/*.apk; do \\\n      apk add "$f"; \\\n    done\n' },
        { filename: 'deploy.sh', code: '#!/bin/sh\nfor x in "$*" "$@"; do :; done\nfor x in "${!map[@]}"; do :; done\n' },
        { filename: 'deploy.sh', code: '#!/bin/bash\nfor v in "${!CONFIG_@}"; do :; done\nfor a in "${@:2}"; do :; done\nfor f in "${files[@]%.txt}"; do :; done\n' },
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN set -e; \\\n    for f in "/tmp/*.apk"; do \\\n      apk add "$f"; \\\n    done\n',
          errors: [{ line: 3, column: 14, endLine: 3, endColumn: 26, message: /^the loop runs once, over "\/tmp\/\*\.apk" as one word: double quotes keep the glob/ }],
        },
        { filename: 'deploy.sh', code: '#!/bin/bash\nfor x in "$*"; do :; done\nfor y in "$A $B"; do :; done\n', errors: [{ line: 2, column: 10 }, { line: 3, column: 10 }] },
      ],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    for f in \"/etc/*.conf\"; do echo \"$f\"; done\n',
          errors: [{ line: 3, column: 14, endLine: 3, endColumn: 27 }],
        },
      ],
    });
  });
});
