import { describe, it } from 'vitest';
import noPlaintextSecrets from '../../rules/compose/no-plaintext-secrets.js';
import noSecretsInEnvArg from '../../rules/dockerfile/no-secrets-in-env-arg.js';
import noPasswordArgument from '../../rules/shell/no-password-argument.js';
import { RuleTester } from '../../src/testing.js';

describe('secret spans: what a finding marks for masking', () => {
  it('compose: environment values in map and list form, and a private key block to its END line', async () => {
    await new RuleTester(noPlaintextSecrets).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  app:',
            '    image: app:1.0',
            '    environment:',
            '      DB_PASSWORD: hunter2secretvalue',
            '  web:',
            '    image: web:1.0',
            '    environment:',
            '      - API_TOKEN=listFormTokenValue1',
            '    labels:',
            '      key: |',
            '        -----BEGIN RSA PRIVATE KEY-----',
            '        MIIEpAIBAAKCAQEAbodyOfTheKey',
            '        -----END RSA PRIVATE KEY-----',
            '',
          ].join('\n'),
          errors: [
            { line: 5, column: 20, secrets: ['hunter2secretvalue'] },
            { line: 9, column: 19, secrets: ['listFormTokenValue1'] },
            // A block scalar is reported and masked whole, from its `|`.
            { line: 11, column: 12, secrets: ['|\n        -----BEGIN RSA PRIVATE KEY-----\n        MIIEpAIBAAKCAQEAbodyOfTheKey\n        -----END RSA PRIVATE KEY-----\n'] },
          ],
        },
      ],
    });
  });

  it('compose: mysql -p, curl -u user:pass and an Authorization header on command lines, literal values only', async () => {
    await new RuleTester(noPlaintextSecrets).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  db:',
            '    image: mysql:8.0.36',
            '    command: mysql -uroot -pS3cretMysqlPw',
            '    healthcheck:',
            '      test: ["CMD-SHELL", "mysqladmin ping -p$$MYSQL_ROOT_PASSWORD"]',
            '  web:',
            '    image: web:1.0',
            '    healthcheck:',
            '      test: ["CMD", "curl", "-u", "admin:CurlPassw0rd", "-H", "Authorization: Bearer BearerTok3nValue", "http://localhost"]',
            '',
          ].join('\n'),
          errors: [
            { line: 4, column: 29, message: 'service "db" puts a password on its command line (mysql -p S3******** (13 characters)), where process lists and logs show it', secrets: ['S3cretMysqlPw'] },
            { line: 10, column: 42, message: 'service "web" puts a password on its command line (curl -u Cu******** (12 characters)), where process lists and logs show it', secrets: ['CurlPassw0rd'] },
            { line: 10, column: 86, message: 'service "web" puts a credential on its command line (curl -H Authorization Be******** (16 characters)), where process lists and logs show it', secrets: ['BearerTok3nValue'] },
          ],
        },
      ],
    });
  });

  it('Dockerfile: ENV and ARG values (not variable references) and docker login -p in RUN', async () => {
    const code = [
      'FROM alpine:3.19',
      'ENV DB_PASSWORD=EnvSecretValue99',
      'ARG GITHUB_TOKEN=ArgSecretValue77',
      'ARG NPM_TOKEN',
      'ENV API_TOKEN=$NPM_TOKEN',
      'ENV KEY="-----BEGIN RSA PRIVATE KEY-----\\nMIIEbody\\n-----END RSA PRIVATE KEY-----"',
      'RUN docker login -p DockerLoginPw1 registry.example.com',
      '',
    ].join('\n');
    await new RuleTester(noSecretsInEnvArg).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code,
          errors: [
            { line: 2, column: 5, secrets: ['EnvSecretValue99'] },
            { line: 3, column: 5, secrets: ['ArgSecretValue77'] },
            { line: 4, column: 5, secrets: [] },
            { line: 5, column: 5, secrets: [] },
            { line: 6, column: 9, secrets: ['"-----BEGIN RSA PRIVATE KEY-----\\nMIIEbody\\n-----END RSA PRIVATE KEY-----"'] },
          ],
        },
      ],
    });
    await new RuleTester(noPasswordArgument).run({ invalid: [{ filename: 'Dockerfile', code, errors: [{ line: 7, column: 18, secrets: ['DockerLoginPw1'] }] }] });
  });

  it('scripts: mysql -p…, curl -u user:pass and Authorization headers written out; variables are left alone', async () => {
    const code = [
      '#!/bin/sh',
      "mysql -uroot -pScriptMysqlPw1 -e 'select 1'",
      'curl -u admin:ScriptCurlPw1 -H "Authorization: Bearer ScriptBearerTok1" https://x',
      "wget --header='X-API-Key: WgetApiKey123' https://x",
      'curl --user="admin:$PW" -H "Authorization: Bearer $TOKEN" https://x',
      'mysql -p"$MYSQL_PWD" -p db',
      'docker login -p "$REGISTRY_PASSWORD" registry.example.com',
      '',
    ].join('\n');
    const why = 'on the command line, where process lists, shell history and CI logs can read it; read it from a file or the environment instead';
    await new RuleTester(noPasswordArgument).run({
      invalid: [
        {
          filename: 'deploy.sh',
          code,
          errors: [
            { line: 2, column: 14, message: `mysql -p puts a password ${why}`, secrets: ['ScriptMysqlPw1'] },
            { line: 3, column: 9, message: `curl -u puts a password ${why}`, secrets: ['ScriptCurlPw1'] },
            { line: 3, column: 32, message: `curl -H Authorization puts a credential ${why}`, secrets: ['ScriptBearerTok1'] },
            { line: 4, column: 6, message: `wget --header X-API-Key puts a credential ${why}`, secrets: ['WgetApiKey123'] },
            {
              line: 7,
              column: 14,
              message: 'docker login -p puts the password on the command line, where process lists, shell history and CI logs can read it; pipe it in with --password-stdin',
              secrets: [],
            },
          ],
        },
      ],
    });
  });
});
