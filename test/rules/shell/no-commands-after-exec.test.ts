import { describe, it } from 'vitest';
import rule from '../../../rules/shell/no-commands-after-exec.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/no-commands-after-exec', () => {
  it('reports an exec followed by commands that never run', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'start.sh',
          code: '#!/bin/sh\necho "migrating"\nexec ./migrate.sh\necho "starting"\nexec ./server\n',
          errors: [
            {
              line: 3,
              column: 1,
              endLine: 3,
              endColumn: 5,
              message: '"exec" replaces the shell with ./migrate.sh, so the commands after it (from line 5) never run; drop "exec" if the script should carry on',
            },
          ],
        },
      ],
    });
  });

  it('accepts exec with redirections only, a last exec, and messages or exit after exec', async () => {
    await tester.run({
      valid: [{ filename: 'start.sh', code: '#!/bin/sh\nexec >>/var/log/start.log 2>&1\necho "starting"\nexec ./server "$@"\necho "could not start the server" >&2\nexit 1\n' }],
    });
  });

  it('looks at the block the exec is in, and works inside a multi-line RUN', async () => {
    await tester.run({
      valid: [
        { filename: 'run.sh', code: '#!/bin/sh\nexec a || fail\nexec b &\nwait\nif x; then exec c; fi\nrun\n' },
        { filename: 'run.sh', code: '#!/bin/sh\nstart() {\n  exec "$@"\n}\nstart server\n' },
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN cd /src \\\n && { exec make; \\\n      make install; }\n',
          errors: [{ line: 3, column: 7, endLine: 3, endColumn: 11, message: /^"exec" replaces the shell with make, so the commands after it \(from line 4\) never run/ }],
        },
        {
          filename: 'run.sh',
          code: '#!/bin/sh\nif [ "$1" = x ]; then\n  exec x 2>&1\n  cleanup\nfi\n',
          errors: [{ line: 3, column: 3, message: /\(from line 4\)/ }],
        },
      ],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache make && \\\n    { exec make; \\\n      make install; }\n',
          errors: [{ line: 3, column: 7, endLine: 3, endColumn: 11 }],
        },
      ],
    });
  });
});
