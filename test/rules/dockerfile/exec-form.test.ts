import { describe, expect, it } from 'vitest';
import execForm from '../../../rules/dockerfile/exec-form.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(execForm);
const NEEDS_SHELL = 'FROM alpine:3.20\nCMD echo "home is $HOME" && sleep infinity\n';

describe('dockerfile/exec-form', () => {
  it('reports shell-form CMD and ENTRYPOINT at their arguments, and writes the JSON form (unsafe) of commands the shell would only split into words', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM python:3.12-slim AS app',
            'ENTRYPOINT exec gunicorn app:app',
            'CMD python app.py --port 8000',
            '',
            'FROM nginx:1.27 AS web',
            'CMD nginx -g "daemon off;"',
            '',
            NEEDS_SHELL,
          ].join('\n'),
          errors: [
            {
              line: 2,
              column: 12,
              endLine: 2,
              endColumn: 33,
              message:
                'ENTRYPOINT in shell form runs under /bin/sh -c, which does not pass SIGTERM on to the program, so it cannot stop gracefully, and a shell-form ENTRYPOINT ignores CMD and the arguments of docker run',
            },
            { line: 3, column: 5, endLine: 3, endColumn: 30 },
            { line: 6, column: 5, endLine: 6, endColumn: 27 },
            { line: 9, column: 5, endLine: 9, endColumn: 43 },
          ],
          output: [
            'FROM python:3.12-slim AS app',
            'ENTRYPOINT ["gunicorn", "app:app"]',
            'CMD ["python", "app.py", "--port", "8000"]',
            '',
            'FROM nginx:1.27 AS web',
            'CMD ["nginx", "-g", "daemon off;"]',
            '',
            NEEDS_SHELL,
          ].join('\n'),
        },
      ],
    });
    expect(execForm.meta.fix).toBe('unsafe');
  });

  it('offers no fix for a command that needs the shell ($HOME, &&)', async () => {
    await tester.run({ invalid: [{ filename: 'Dockerfile', code: NEEDS_SHELL, errors: [{ line: 2, column: 5, endLine: 2, endColumn: 43 }] }] });
  });

  it('accepts the exec form, and the shell form under an explicit SHELL', async () => {
    await tester.run({
      valid: [
        'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
        'FROM alpine:3.20 AS shelly\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nCMD echo "$HOME" | cat\n',
      ],
    });
  });
});
