import { describe, expect, it } from 'vitest';
import noSecretsInEnvArg from '../../../rules/dockerfile/no-secrets-in-env-arg.js';
import { RuleTester } from '../../../src/testing.js';

const SECRET_ADVICE = 'RUN --mount=type=secret, or give it to the container at run time';

describe('dockerfile/no-secrets-in-env-arg', () => {
  it('reports secret names and token-shaped values, never printing a value', async () => {
    await new RuleTester(noSecretsInEnvArg).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM node:20-slim',
            'ARG NPM_TOKEN',
            'ARG GITHUB_TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB',
            'ENV DB_PASSWORD=hunter2-very-secret',
            'ENV apiKey ${API_KEY}',
            'ENV DATABASE_URL=postgres://app:s3cr3t-pass@db:5432/app',
            'ONBUILD ENV AWS_SECRET_ACCESS_KEY=abc',
            '',
          ].join('\n'),
          errors: [
            { line: 2, column: 5, endColumn: 14, severity: 'error', message: `ARG "NPM_TOKEN" names a secret: build arguments stay readable in the image history; pass it with ${SECRET_ADVICE}` },
            { line: 3, column: 18, endColumn: 60, message: 'the value of ARG "GITHUB_TOKEN" looks like a GitHub token (gh******** (42 characters)); anyone with the image can read it: pass it with RUN --mount=type=secret instead' },
            { line: 4, column: 5, endColumn: 16, message: `ENV "DB_PASSWORD" names a secret (hu******** (19 characters)): ENV values are stored in the image, where docker inspect shows them; pass it with ${SECRET_ADVICE}` },
            { line: 5, column: 5, endColumn: 11, message: `ENV "apiKey" names a secret (copied from \${API_KEY}): ENV values are stored in the image, where docker inspect shows them; pass it with ${SECRET_ADVICE}` },
            { line: 6, column: 18, endColumn: 56, message: 'the value of ENV "DATABASE_URL" looks like a URL with a password (po******** (38 characters)); anyone with the image can read it: pass it with RUN --mount=type=secret instead' },
            { line: 7, column: 13, endColumn: 34, message: `ENV "AWS_SECRET_ACCESS_KEY" names a secret (*** (3 characters)): ENV values are stored in the image, where docker inspect shows them; pass it with ${SECRET_ADVICE}` },
          ],
        },
      ],
    });
    expect(noSecretsInEnvArg.meta.severity).toBe('error');
  });

  it('accepts public keys, fingerprints, *_FILE paths, URLs with variable passwords and settings about secrets', async () => {
    await new RuleTester(noSecretsInEnvArg).run({
      valid: [
        { filename: 'Dockerfile', code: 'FROM python:3.12-slim\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nENV PUBLIC_KEY=ssh-ed25519\n', name: 'public keys and fingerprints' },
        { filename: 'Dockerfile', code: 'FROM python:3.12-slim\nARG SECRET_KEY_FILE=/run/secrets/key\nENV DB_PASSWORD_FILE=/run/secrets/db_password\n', name: '*_FILE paths' },
        { filename: 'Dockerfile', code: 'FROM python:3.12-slim\nENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app\n', name: 'a URL with a variable password' },
        { filename: 'Dockerfile', code: 'FROM python:3.12-slim\nENV TOKEN_URL=https://auth.example.com/token\nENV KEYCLOAK_VERSION=25.0 PASSWORD_LENGTH=16\n', name: 'settings about secrets' },
      ],
    });
  });

  it('accepts an empty ENV (declared for run time), nginx upstreams named *_PASS, and placeholder URLs, and still reports what is close to them', async () => {
    await new RuleTester(noSecretsInEnvArg).run({
      valid: [
        { filename: 'Dockerfile', code: "FROM nginx:1.27\nENV \\\n  DD_ADMIN_PASSWORD='' \\\n  METRICS_HTTP_AUTH_PASSWORD=\"\"\n", name: 'empty values' },
        { filename: 'Dockerfile', code: 'FROM nginx:1.27\nENV DD_UWSGI_PASS="uwsgi_server" PROXY_PASS=http://app:8080\n', name: 'nginx upstreams' },
        { filename: 'Dockerfile', code: 'FROM node:22-alpine\nENV DATABASE_URL="postgresql://placeholder:placeholder@localhost:5432/placeholder"\n', name: 'a placeholder URL' },
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: "FROM node:22-alpine\nARG DB_PASSWORD=''\nENV SMTP_PASS=mail-pass-1\nENV DATABASE_URL=postgres://app:placeholder1@db/app\n",
          errors: [
            { line: 2, column: 5, message: /^ARG "DB_PASSWORD" names a secret/ },
            { line: 3, column: 5, message: /^ENV "SMTP_PASS" names a secret/, secrets: ['mail-pass-1'] },
            { line: 4, column: 18, message: /^the value of ENV "DATABASE_URL" looks like a URL with a password/ },
          ],
        },
      ],
    });
  });
});
