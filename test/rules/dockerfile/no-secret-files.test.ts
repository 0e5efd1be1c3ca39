import { describe, it } from 'vitest';
import noSecretFiles from '../../../rules/dockerfile/no-secret-files.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(noSecretFiles);
const NO_SECRET_ENV =
  'COPY .env puts an environment file (usually secrets) into an image layer, where anyone who can pull the image can read it, even if a later step deletes it; use RUN --mount=type=secret (or --mount=type=ssh), or provide it at run time';

describe('dockerfile/no-secret-files', () => {
  it('reports keys, .env files and credential files at their source argument', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM node:20-slim',
            'COPY id_rsa /root/.ssh/id_rsa',
            'COPY .env ./',
            'COPY certs/privkey.pem /etc/ssl/private/',
            'COPY --from=node:20 /root/.npmrc /root/.npmrc',
            'ADD secrets/.env.production config/app.key /app/',
            '',
          ].join('\n'),
          errors: [
            {
              line: 2,
              column: 6,
              endLine: 2,
              endColumn: 12,
              message:
                'COPY id_rsa puts an SSH private key into an image layer, where anyone who can pull the image can read it, even if a later step deletes it; use RUN --mount=type=secret (or --mount=type=ssh), or provide it at run time',
            },
            { line: 3, column: 6, endLine: 3, endColumn: 10 },
            { line: 4, column: 6, endLine: 4, endColumn: 23 },
            { line: 5, column: 21, endLine: 5, endColumn: 33 },
            { line: 6, column: 5, endLine: 6, endColumn: 28 },
            { line: 6, column: 29, endLine: 6, endColumn: 43 },
          ],
        },
      ],
    });
  });

  it('accepts examples, certificates, public keys and repository signing keys', async () => {
    await tester.run({
      valid: [
        [
          'FROM node:20-slim',
          'COPY .env.example ./',
          'COPY certs/fullchain.pem /etc/ssl/certs/',
          'COPY corp.pem /usr/local/share/ca-certificates/corp.crt',
          'COPY id_rsa.pub /root/.ssh/authorized_keys',
          'COPY nodesource-repo.gpg.key /etc/apt/keyrings/',
          'COPY KEYS.asc /tmp/',
          '',
        ].join('\n'),
      ],
    });
  });
  it('stays silent on a file every context it is built from excludes (it never reaches the build), and uses that context, not the Dockerfile\'s folder', async () => {
    const compose = 'services:\n  api:\n    build:\n      context: .\n      dockerfile: api/Dockerfile\n';
    await new RuleTester(noSecretFiles).run({
      valid: [{ filename: 'api/Dockerfile', code: 'FROM alpine:3.20\nCOPY .env /app/.env\n', files: { '../compose.yaml': compose, '../.dockerignore': '.env\n' } }],
      invalid: [
        {
          filename: 'api/Dockerfile',
          code: 'FROM alpine:3.20\nCOPY .env /app/.env\n',
          // Excluded beside the Dockerfile, but the build runs from the root, whose .dockerignore lets it in.
          files: { '../compose.yaml': compose, '../.dockerignore': '.git\n', '.dockerignore': '.env\n' },
          errors: [{ line: 2, column: 6, endLine: 2, endColumn: 10, message: NO_SECRET_ENV }],
        },
      ],
    });
  });
});
