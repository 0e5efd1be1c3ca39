import { describe, it } from 'vitest';
import rule from '../../../rules/shell/useless-cat.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/useless-cat', () => {
  it('reports in a script', async () => {
    await tester.run({ invalid: [{ filename: 'run.sh', code: '#!/bin/sh\ncat /etc/hosts | grep db\ncat "$f" | while read -r l; do echo "$l"; done\n', errors: [{ line: 2, column: 5, endLine: 2, endColumn: 15, message: 'cat /etc/hosts | … starts a process only to pass the file on; give it to the next command (cmd < /etc/hosts or cmd /etc/hosts)' }, { line: 3, column: 5, endLine: 3, endColumn: 9 }] }] });
  });

  it('stays quiet where it should', async () => {
    await tester.run({ valid: [{ filename: 'run.sh', code: '#!/bin/sh\ncat a b | sort\ncat -n f | less\ncat < f | wc -l\ncat f\necho x | cat f\n' }] });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({ invalid: [{ filename: 'Dockerfile', code: 'FROM alpine\nRUN set -e; \\\n    cat /tmp/list | xargs apk add\n', errors: [{ line: 3, column: 9, endLine: 3, endColumn: 18 }] }] });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    cat /tmp/list | xargs apk add\n',
          errors: [{ line: 3, column: 9, endLine: 3, endColumn: 18 }],
        },
      ],
    });
  });
});
