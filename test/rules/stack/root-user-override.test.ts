import { describe, it } from 'vitest';
import rootUserOverride from '../../../rules/stack/root-user-override.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rootUserOverride);
const OWNS = 'a process that is broken into then owns the container, so drop user: or give the non-root user the access it lacks';

/** The production image sets an unprivileged USER on line 7; the worker stage inherits it. */
const STAGES = [
  'FROM python:3.12.7-slim AS base',
  'WORKDIR /app',
  '',
  'FROM base AS production',
  'COPY . /app',
  'RUN useradd --create-home appuser',
  'USER appuser',
  'CMD ["gunicorn", "app:app"]',
  '',
  'FROM production AS worker',
  'CMD ["python", "-m", "app.worker"]',
  '',
].join('\n');

describe('stack/root-user-override', () => {
  it('reports user: root and 0:0 over a build target whose image sets an unprivileged USER', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  api:',
            '    build:',
            '      context: .',
            '      target: production',
            '    user: root  # to write the uploads folder',
            '  worker:',
            '    build:',
            '      context: .',
            '      target: worker',
            '    user: "0:0"',
            '',
          ].join('\n'),
          files: { Dockerfile: STAGES },
          errors: [
            {
              line: 6,
              column: 11,
              endLine: 6,
              endColumn: 15,
              message: `service "api" runs as root (user: "root"), overriding the unprivileged USER "appuser" its image sets (Dockerfile:7); ${OWNS}`,
            },
            {
              line: 11,
              column: 11,
              endLine: 11,
              endColumn: 16,
              message: `service "worker" runs as root (user: "0:0"), overriding the unprivileged USER "appuser" its image sets (Dockerfile:7); ${OWNS}`,
            },
          ],
        },
      ],
    });
  });

  it('accepts a non-root user, root over an image that sets no USER, a user picked at run time and pulled images', async () => {
    await tester.run({
      valid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  api:',
            '    build:',
            '      context: .',
            '      target: production',
            '    user: appuser  # Non-root',
            '  dev:',
            '    build:',
            '      context: .',
            '      target: development   # sets no USER: root is the image\'s own choice',
            '    user: root',
            '  worker:',
            '    build:',
            '      context: .',
            '      target: worker',
            '    user: "${APP_UID}:${APP_GID}"',
            '  db:',
            '    image: postgres:16.4',
            '    user: "0"',
            '',
          ].join('\n'),
          files: { Dockerfile: `${STAGES}\nFROM base AS development\nCMD ["flask", "run", "--reload"]\n` },
        },
      ],
    });
  });

  it('reads the USER of an inline Dockerfile and what an override file sets', async () => {
    const inline = 'services:\n  app:\n    build:\n      dockerfile_inline: |\n        FROM alpine:3.21\n        USER 1000\n';
    await tester.run({
      valid: [{ filename: 'compose.yaml', code: inline }],
      invalid: [
        {
          filename: 'compose.override.yaml',
          code: 'services:\n  app:\n    user: "0"\n',
          files: { 'compose.yaml': inline },
          errors: [{ line: 3, column: 11, message: `service "app" runs as root (user: "0"), overriding the unprivileged USER "1000" its image sets (line 2 of the inline Dockerfile); ${OWNS}` }],
        },
      ],
    });
  });
});
