import { describe, it } from 'vitest';
import rule from '../../../rules/shell/no-password-argument.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);
const WHY = 'puts the password on the command line, where process lists, shell history and CI logs can read it; pipe it in with --password-stdin';
const WRITTEN = 'on the command line, where process lists, shell history and CI logs can read it; read it from a file or the environment instead';
/** The GitLab CI build job of seed 001. */
const ciBuild = (login: string) =>
  [
    '#!/bin/sh',
    '# GitLab CI build job script',
    'set -eu',
    login,
    'docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" ./depot/discovery',
    'docker push "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"',
    'docker login --username deploy --password=hunter2 registry.example.com',
    'helm registry login -u bot -p "$HELM_TOKEN" registry.example.com',
    '',
  ].join('\n');
const CI_BUILD = ciBuild('docker login -u $CI_REGISTRY_USER -p $CI_REGISTRY_PASSWORD $CI_REGISTRY');

describe('shell/no-password-argument', () => {
  it('reports -p / --password of docker login and helm registry login, as errors, and never shows the password', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'ci-build.sh',
          code: CI_BUILD,
          errors: [
            { line: 4, column: 35, endLine: 4, endColumn: 59, message: `docker login -p ${WHY}`, severity: 'error' },
            // the literal hunter2 is in no message, and is masked wherever the source is quoted
            { line: 7, column: 32, endLine: 7, endColumn: 50, message: `docker login --password ${WHY}`, severity: 'error', secrets: ['hunter2'] },
            { line: 8, column: 28, endLine: 8, endColumn: 44, message: `helm registry login -p ${WHY}`, severity: 'error' },
          ],
        },
      ],
    });
  });

  it('suggests --password-stdin fed from the same variable, never as an automatic fix', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'ci-build.sh',
          code: CI_BUILD,
          errors: [
            {
              line: 4,
              column: 35,
              suggestionOutputs: [ciBuild(`printf '%s\\n' "$CI_REGISTRY_PASSWORD" | docker login -u $CI_REGISTRY_USER --password-stdin $CI_REGISTRY`)],
            },
            { line: 7, column: 32 },
            { line: 8, column: 28 },
          ],
        },
      ],
    });
  });

  it('runs on RUN bodies: -p on the third line of a RUN', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM docker:27-cli',
            'ARG REGISTRY_USER',
            'RUN --mount=type=secret,id=token \\',
            '    docker login -u "$REGISTRY_USER" \\',
            '      -p "$(cat /run/secrets/token)" registry.example.com',
            '',
          ].join('\n'),
          errors: [{ line: 5, column: 7, endLine: 5, endColumn: 37 }],
        },
      ],
    });
  });

  it('reports passwords and tokens written into mysqldump, curl -u and an Authorization header, and marks them as secrets', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'db-backup.sh',
          code: [
            '#!/bin/sh',
            'set -eu',
            'mysqldump -uroot -pexample_123 app > /backup/app.sql',
            'curl -fsS -u backup:example_123 -T /backup/app.sql https://files.example.com/',
            "curl -fsS -H 'Authorization: Bearer abc123def456ghi789' https://api.example.com/done",
            '',
          ].join('\n'),
          errors: [
            { line: 3, column: 18, endLine: 3, endColumn: 31, message: `mysqldump -p puts a password ${WRITTEN}`, secrets: ['example_123'] },
            { line: 4, column: 14, endLine: 4, endColumn: 32, message: `curl -u puts a password ${WRITTEN}`, secrets: ['example_123'] },
            { line: 5, column: 14, endLine: 5, endColumn: 56, message: `curl -H Authorization puts a credential ${WRITTEN}`, secrets: ['abc123def456ghi789'] },
          ],
        },
      ],
    });
  });

  it('accepts --password-stdin, interactive login and the -p of other subcommands', async () => {
    await tester.run({
      valid: [
        {
          filename: 'ci-build.sh',
          code: [
            '#!/bin/sh',
            'set -eu',
            `printf '%s\\n' "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"`,
            'docker login registry.example.com',
            'docker run -d -p 8080:80 nginx:1.27',
            'docker compose -p shop up -d --wait',
            '',
          ].join('\n'),
        },
        {
          filename: 'db-backup.sh',
          code: [
            '#!/bin/sh',
            'set -eu',
            '# The credentials come from the environment, not from this file.',
            'mysqldump -uroot -p"$MYSQL_ROOT_PASSWORD" app > /backup/app.sql',
            'curl -fsS -u "backup:$UPLOAD_PASSWORD" -T /backup/app.sql https://files.example.com/',
            'curl -fsS -H "Authorization: Bearer $API_TOKEN" https://api.example.com/done',
            '# -p alone prompts; -P is the port.',
            'mysql -uroot -p -P 3306 app',
            '',
          ].join('\n'),
        },
      ],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache mysql-client && \\\n    mysql -uroot -psecret -e \"select 1\"\n',
          errors: [{ line: 3, column: 18, endLine: 3, endColumn: 26 }],
        },
      ],
    });
  });
});
