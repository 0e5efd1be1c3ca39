import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { run } from '../../src/runner/run.js';

const RULES = ['compose/no-plaintext-secrets', 'dockerfile/no-secrets-in-env-arg', 'shell/no-password-argument'];

/** The secret-rule findings in one text, as `line:column rule message`, with the source text of each secret span. */
async function secrets(filename: string, text: string): Promise<{ at: string; message: string; secrets: string[] }[]> {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-secrets-'));
  const result = await run({ cwd, patterns: [], stdin: { text, filename }, noConfigLookup: true });
  return result.diagnostics
    .filter((d: Diagnostic) => RULES.includes(d.ruleId))
    .map((d) => ({
      at: `${d.range.start.line}:${d.range.start.column} ${d.ruleId}`,
      message: d.message,
      secrets: (d.secrets ?? []).map((s) => text.slice(s.start, s.end)),
    }));
}

describe('secret spans: what a finding marks for masking', () => {
  it('compose: environment values in map and list form, and a private key block to its END line', async () => {
    const found = await secrets(
      'compose.yaml',
      [
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
    );
    expect(found.map((f) => [f.at, f.secrets])).toEqual([
      ['5:20 compose/no-plaintext-secrets', ['hunter2secretvalue']],
      ['9:19 compose/no-plaintext-secrets', ['listFormTokenValue1']],
      // A block scalar is reported and masked whole, from its `|`.
      ['11:12 compose/no-plaintext-secrets', ['|\n        -----BEGIN RSA PRIVATE KEY-----\n        MIIEpAIBAAKCAQEAbodyOfTheKey\n        -----END RSA PRIVATE KEY-----\n']],
    ]);
  });

  it('compose: mysql -p, curl -u user:pass and an Authorization header on command lines, literal values only', async () => {
    const found = await secrets(
      'compose.yaml',
      [
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
    );
    expect(found).toEqual([
      { at: '4:29 compose/no-plaintext-secrets', message: 'service "db" puts a password on its command line (mysql -p S3******** (13 characters)), where process lists and logs show it', secrets: ['S3cretMysqlPw'] },
      { at: '10:42 compose/no-plaintext-secrets', message: 'service "web" puts a password on its command line (curl -u Cu******** (12 characters)), where process lists and logs show it', secrets: ['CurlPassw0rd'] },
      { at: '10:86 compose/no-plaintext-secrets', message: 'service "web" puts a credential on its command line (curl -H Authorization Be******** (16 characters)), where process lists and logs show it', secrets: ['BearerTok3nValue'] },
    ]);
  });

  it('Dockerfile: ENV and ARG values (not variable references) and docker login -p in RUN', async () => {
    const found = await secrets(
      'Dockerfile',
      [
        'FROM alpine:3.19',
        'ENV DB_PASSWORD=EnvSecretValue99',
        'ARG GITHUB_TOKEN=ArgSecretValue77',
        'ARG NPM_TOKEN',
        'ENV API_TOKEN=$NPM_TOKEN',
        'ENV KEY="-----BEGIN RSA PRIVATE KEY-----\\nMIIEbody\\n-----END RSA PRIVATE KEY-----"',
        'RUN docker login -p DockerLoginPw1 registry.example.com',
        '',
      ].join('\n'),
    );
    expect(found.map((f) => [f.at, f.secrets])).toEqual([
      ['2:5 dockerfile/no-secrets-in-env-arg', ['EnvSecretValue99']],
      ['3:5 dockerfile/no-secrets-in-env-arg', ['ArgSecretValue77']],
      ['4:5 dockerfile/no-secrets-in-env-arg', []],
      ['5:5 dockerfile/no-secrets-in-env-arg', []],
      ['6:9 dockerfile/no-secrets-in-env-arg', ['"-----BEGIN RSA PRIVATE KEY-----\\nMIIEbody\\n-----END RSA PRIVATE KEY-----"']],
      ['7:18 shell/no-password-argument', ['DockerLoginPw1']],
    ]);
  });

  it('scripts: mysql -p…, curl -u user:pass and Authorization headers written out; variables are left alone', async () => {
    const found = await secrets(
      'deploy.sh',
      [
        '#!/bin/sh',
        "mysql -uroot -pScriptMysqlPw1 -e 'select 1'",
        'curl -u admin:ScriptCurlPw1 -H "Authorization: Bearer ScriptBearerTok1" https://x',
        "wget --header='X-API-Key: WgetApiKey123' https://x",
        'curl --user="admin:$PW" -H "Authorization: Bearer $TOKEN" https://x',
        'mysql -p"$MYSQL_PWD" -p db',
        'docker login -p "$REGISTRY_PASSWORD" registry.example.com',
        '',
      ].join('\n'),
    );
    const why = 'on the command line, where process lists, shell history and CI logs can read it; read it from a file or the environment instead';
    expect(found).toEqual([
      { at: '2:14 shell/no-password-argument', message: `mysql -p puts a password ${why}`, secrets: ['ScriptMysqlPw1'] },
      { at: '3:9 shell/no-password-argument', message: `curl -u puts a password ${why}`, secrets: ['ScriptCurlPw1'] },
      { at: '3:32 shell/no-password-argument', message: `curl -H Authorization puts a credential ${why}`, secrets: ['ScriptBearerTok1'] },
      { at: '4:6 shell/no-password-argument', message: `wget --header X-API-Key puts a credential ${why}`, secrets: ['WgetApiKey123'] },
      {
        at: '7:14 shell/no-password-argument',
        message: 'docker login -p puts the password on the command line, where process lists, shell history and CI logs can read it; pipe it in with --password-stdin',
        secrets: [],
      },
    ]);
  });
});
