import { describe, expect, it } from 'vitest';
import nonRootUser from '../../../rules/dockerfile/non-root-user.js';
import { RuleTester } from '../../../src/testing.js';

const RULE = 'dockerfile/non-root-user';
const NEVER_SET = 'the final image never sets USER, so it runs as root unless its base image picks a user; create an unprivileged user and switch to it with USER';
const APP = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "-m", "app"]\n';

describe(RULE, () => {
  it('is off in the recommended preset', () => {
    expect(nonRootUser.meta.recommended).toBe(false);
  });

  it('reports a final image whose last USER is root, or that never sets USER', async () => {
    await new RuleTester(nonRootUser).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM golang:1.23 AS build\nUSER nobody\nRUN go build -o /tmp/app ./...\n\nFROM debian:12-slim\nCOPY --from=build /tmp/app /app\nCMD ["/app"]\n',
          errors: [{ line: 5, column: 6, endColumn: 20, message: NEVER_SET }],
          name: 'no USER in the final stage',
        },
        {
          filename: 'Dockerfile',
          code: 'FROM node:20-slim AS build\nUSER node\n\nFROM build\nUSER root\nCMD ["node", "server.js"]\n',
          errors: [
            { line: 5, column: 6, endColumn: 10, message: 'the last USER of the final image is "root", so the container runs as root; switch to an unprivileged user once the steps that need root are done' },
          ],
          name: 'USER root last',
        },
      ],
    });
  });

  it('accepts a USER inherited from a parent stage, root in builders, non-root bases and gosu step-down', async () => {
    await new RuleTester(nonRootUser).run({
      valid: [
        { filename: 'Dockerfile', code: 'FROM python:3.12-slim AS base\nRUN useradd --system --create-home app\nUSER app:app\n\nFROM base\nCMD ["python", "-m", "app"]\n', name: 'inherited USER' },
        {
          filename: 'Dockerfile',
          code: 'FROM golang:1.23 AS build\nUSER root\nRUN go build -o /tmp/app ./...\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /tmp/app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
          name: 'root in a builder',
        },
        { filename: 'Dockerfile', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app"]\n', name: 'a non-root base' },
        {
          filename: 'Dockerfile',
          code: [
            'FROM debian:12-slim',
            'RUN apt-get update \\',
            '    && apt-get install -y --no-install-recommends gosu \\',
            '    && rm -rf /var/lib/apt/lists/* \\',
            '    && gosu nobody true',
            'COPY docker-entrypoint.sh /usr/local/bin/',
            'ENTRYPOINT ["docker-entrypoint.sh"]',
            'CMD ["postgres"]',
            '',
          ].join('\n'),
          name: 'gosu step-down',
        },
      ],
    });
  });

  it('is exempted by the stack when every compose service built from the Dockerfile sets a non-root user', async () => {
    await new RuleTester(nonRootUser).run({
      valid: [
        {
          filename: 'app/Dockerfile',
          code: APP,
          files: { '../compose.yaml': 'services:\n  api:\n    build: ./app\n    user: "10001:10001"\n  worker:\n    build: ./app\n    user: ${APP_UID}:${APP_GID}\n' },
        },
      ],
      invalid: [
        {
          filename: 'app/Dockerfile',
          code: APP,
          files: { '../compose.yaml': '# The worker runs the image as it is: as root\nservices:\n  api:\n    build: ./app\n    user: "10001"\n  worker:\n    build: ./app\n' },
          errors: [{ line: 1, column: 6, endColumn: 22, message: NEVER_SET }],
          name: 'a service without user',
        },
      ],
    });
  });

  it('is exempted by the stack also when only the Dockerfile is linted (the compose file beside it read for context)', async () => {
    const dockerfile = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "-m", "app"]\n';
    const compose = (worker: string) => `services:\n  api:\n    build: ./app\n    user: "10001"\n  worker:\n    build: ./app\n${worker}`;
    await new RuleTester(nonRootUser).run({
      valid: [{ filename: 'app/Dockerfile', code: dockerfile, files: { '../compose.yaml': compose('    user: ${APP_UID}:${APP_GID}\n') }, reportOn: ['Dockerfile'], name: 'every service runs as a user' }],
      invalid: [{ filename: 'app/Dockerfile', code: dockerfile, files: { '../compose.yaml': compose('') }, reportOn: ['Dockerfile'], errors: [{ line: 1, column: 6, endColumn: 22, file: 'app/Dockerfile' }], name: 'the worker runs as root' }],
    });
  });

  it('leaves alone a FROM scratch stage that only carries built files out (never run), but not a scratch image with an entrypoint', async () => {
    const build = 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/app\n\n';
    await new RuleTester(nonRootUser).run({
      valid: [
        { filename: 'Dockerfile', code: `${build}FROM scratch AS artifact\nCOPY --from=build /out/app /\n`, name: 'artifact stage' },
        { filename: 'Dockerfile', code: `${build}FROM scratch AS bin\nCOPY --from=build /out/app app\n\nFROM bin AS export\nLABEL org.opencontainers.image.title=app\n`, name: 'built on an artifact stage' },
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: `${build}FROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n`,
          errors: [{ line: 6, column: 6, endColumn: 13, message: /^the final image never sets USER/ }],
          name: 'a scratch image that runs',
        },
      ],
    });
  });
});
