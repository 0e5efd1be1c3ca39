import { describe, it } from 'vitest';
import { defineRule, providedEnvironment } from '../../../rules/kit/index.js';
import { RuleTester } from '../../../src/testing.js';

// A probe: reports, on the first command, what the environment provides (the names asked about) and whether it is complete.
const ASKED = ['APP_PORT', 'DB_URL', 'VERSION', 'TOKEN', 'HTTP_PROXY', 'TARGETARCH', 'PATH', 'BUILD_ONLY', 'FROM_BASE', 'NOPE'];
const probe = defineRule({
  meta: { id: 'shell/probe-environment', kind: 'shell', category: 'test', severity: 'warning', fix: 'none', summary: 'probe', runBodies: true },
  check(ctx) {
    const env = providedEnvironment(ctx);
    const first = ctx.shell.commands[0];
    if (!first) return;
    const names = ASKED.filter((n) => env.has(n)).map((n) => `${n}:${env.get(n)!.source}`);
    ctx.report({ node: first.node, message: `${env.of} ${env.complete ? 'complete' : 'open'} ${names.join(' ')}` });
  },
});
const tester = new RuleTester(probe);

describe('providedEnvironment', () => {
  it("a RUN body: the stage's ARGs and ENVs before it, those of the stage it is built from, Docker's predefined arguments", async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM scratch AS base\nENV FROM_BASE=1\nARG BUILD_ONLY\nFROM base\nARG VERSION=2\nRUN echo "$VERSION"\nENV TOKEN=x\n',
          errors: [{ line: 6, column: 5, message: 'run complete VERSION:arg HTTP_PROXY:predefined-arg TARGETARCH:predefined-arg PATH:docker FROM_BASE:env' }],
        },
        {
          filename: 'Dockerfile',
          code: 'FROM debian\nRUN echo "$NOPE"\n',
          errors: [{ line: 2, column: 5, message: 'run open HTTP_PROXY:predefined-arg TARGETARCH:predefined-arg PATH:docker' }],
        },
      ],
    });
  });

  it("a compose shell string: the service's environment and env_file, the ENVs of the image it builds", async () => {
    await tester.run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  web:\n    build: .\n    environment:\n      APP_PORT: "8080"\n    env_file: app.env\n    healthcheck:\n      test: ["CMD-SHELL", "curl -f localhost:$$APP_PORT"]\n',
          files: { 'app.env': 'DB_URL=postgres://db\n', Dockerfile: 'FROM scratch\nARG BUILD_ONLY\nENV VERSION=3\n' },
          reportOn: ['compose.yaml'],
          errors: [{ line: 8, column: 28, message: 'compose complete APP_PORT:environment DB_URL:env-file VERSION:env PATH:docker' }],
        },
        {
          filename: 'compose.yaml',
          code: 'services:\n  web:\n    image: nginx\n    environment:\n      - TOKEN\n    command: ["sh", "-c", "echo $$TOKEN"]\n',
          errors: [{ line: 6, column: 28, message: 'compose open TOKEN:environment PATH:docker' }],
        },
      ],
    });
  });

  it('a script a service runs as its entrypoint: that service environment, the image ENVs and its stage ARGs', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'entrypoint.sh',
          code: '#!/bin/sh\nexec app --port "$APP_PORT"\n',
          files: {
            'compose.yaml': 'services:\n  web:\n    build: .\n    entrypoint: /entrypoint.sh\n    environment:\n      APP_PORT: "8080"\n    volumes:\n      - ./entrypoint.sh:/entrypoint.sh\n',
            Dockerfile: 'FROM scratch\nARG BUILD_ONLY\nENV VERSION=3\n',
          },
          reportOn: ['entrypoint.sh'],
          errors: [{ line: 2, column: 1, message: 'service-script complete APP_PORT:environment VERSION:env PATH:docker BUILD_ONLY:arg' }],
        },
        {
          filename: 'lonely.sh',
          code: '#!/bin/sh\necho "$X"\n',
          errors: [{ line: 2, column: 1, message: 'none open ' }],
        },
      ],
    });
  });
});
