import { describe, it } from 'vitest';
import rule from '../../../rules/shell/assignment-space.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/assignment-space', () => {
  it('reports `x= word` in a command and in a declaration, line continuations included', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'deploy.sh',
          code: '#!/bin/sh\nTARGET= /srv/app\nexport MODE= production\nPGHOST= PGHOSTADDR= psql -c "select 1"\nNOTIFY_SOCKET= \\\n  exec "$@"\n',
          errors: [
            {
              line: 2,
              column: 1,
              endLine: 2,
              endColumn: 8,
              message: `TARGET= empties TARGET for the command that follows; if /srv/app was meant as its value, remove the space after "="; to empty it on purpose, write TARGET=''`,
            },
            {
              line: 3,
              column: 8,
              endLine: 3,
              endColumn: 13,
              message: `MODE= sets MODE to an empty value and production is a word of its own; if it was meant as the value, remove the space after "="; to empty it on purpose, write MODE=''`,
            },
            { line: 4, column: 1, endLine: 4, endColumn: 8, message: /^PGHOST= empties PGHOST for the command that follows; if PGHOSTADDR= was meant/ },
            { line: 4, column: 9, endLine: 4, endColumn: 20, message: /^PGHOSTADDR= empties PGHOSTADDR for the command that follows; if psql was meant/ },
            { line: 5, column: 1, endLine: 5, endColumn: 15, message: /^NOTIFY_SOCKET= empties NOTIFY_SOCKET/ },
          ],
        },
      ],
    });
  });

  it('leaves IFS= read, x= at the end of a command, x= before a comment and x=value alone', async () => {
    await tester.run({
      valid: [
        {
          filename: 'deploy.sh',
          code: "#!/bin/bash\nwhile IFS= read -r line; do echo \"$line\"; done\nTARGET=\nMODE= # set later\nA=''\nB= ;\nC=/srv cmd\nlocal_x=\n",
        },
        { filename: 'Dockerfile', code: 'FROM alpine\nRUN MODE=; \\\n    echo "$MODE"\n' },
      ],
    });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN set -eu; \\\n    DEBIAN_FRONTEND= apk add curl\n',
          errors: [{ line: 3, column: 5, endLine: 3, endColumn: 21, message: /^DEBIAN_FRONTEND= empties DEBIAN_FRONTEND for the command that follows; if apk was meant/ }],
        },
        {
          filename: 'Dockerfile',
          code: 'FROM debian\nRUN ARCH= OPENSSL_ARCH= && dpkgArch="$(dpkg --print-architecture)" \\\n    && A= B=linux C= \\\n      D= && echo "$A$B$C$D"\n',
          errors: [
            {
              line: 2,
              column: 5,
              endLine: 2,
              endColumn: 10,
              message: `ARCH= sets ARCH to an empty value and OPENSSL_ARCH= is another assignment; if OPENSSL_ARCH= was meant as its value, remove the space after "="; to empty it on purpose, write ARCH=''`,
            },
            { line: 3, column: 8, endLine: 3, endColumn: 10, message: /^A= sets A to an empty value and B=linux is another assignment/ },
            { line: 3, column: 19, endLine: 3, endColumn: 21, message: /^C= sets C to an empty value and D= is another assignment/ },
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
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    VERSION= 1.2 && \\\n    echo done\n',
          errors: [{ line: 3, column: 5, endLine: 3, endColumn: 13 }],
        },
      ],
    });
  });
});
