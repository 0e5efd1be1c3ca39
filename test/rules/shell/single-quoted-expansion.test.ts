import { describe, it } from 'vitest';
import rule from '../../../rules/shell/single-quoted-expansion.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/single-quoted-expansion', () => {
  it('reports $var, ${…}, $(…), $1 and backticks in single quotes', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'deploy.sh',
          code: "#!/bin/sh\necho 'Deploying to $TARGET_HOST'\nenvsubst '${PORT}' < a > b\nx='$(date)'; printf '%s `id`\\n' a\nsed 's/$1//' f\n",
          errors: [
            { line: 2, column: 6, endLine: 2, endColumn: 33, message: "'Deploying to $TARGET_HOST' is in single quotes, so the shell passes $TARGET_HOST on literally; use double quotes if it should expand" },
            { line: 3, column: 10, endLine: 3, endColumn: 19, message: /passes \$\{PORT on literally/ },
            { line: 4, column: 3, endLine: 4, endColumn: 12 },
            { line: 4, column: 21, endLine: 4, endColumn: 32, message: /passes the backticks on literally/ },
            { line: 5, column: 5, endLine: 5, endColumn: 13 },
          ],
        },
      ],
    });
  });

  it('leaves programs with code of their own, and $ that expands nothing, alone', async () => {
    await tester.run({
      valid: [
        {
          filename: 'deploy.sh',
          code: "#!/bin/bash\nawk '{ print $1 }' f\nperl -e 'print $x'\njq '.a | $b' f\nsh -c 'echo $0'\nfind . -exec sh -c 'echo $1' _ {} \\;\ntrap 'rm -f $tmp' EXIT\nssh host 'echo $HOME'\neval 'echo $x'\ndocker exec c /bin/sh -c 'echo $PATH'\necho 'costs $ 5' '$$'\n",
        },
      ],
    });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      invalid: [{ filename: 'Dockerfile', code: "FROM alpine\nRUN set -e; \\\n    echo 'export PATH=$HOME/bin:$PATH' >> /etc/profile\n", errors: [{ line: 3, column: 10, endLine: 3, endColumn: 39 }] }],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    echo \'home is $HOME\'\n',
          errors: [{ line: 3, column: 10, endLine: 3, endColumn: 25 }],
        },
      ],
    });
  });
});
