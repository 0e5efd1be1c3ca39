import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { cli } from '../helpers/cli.js';

/**
 * Every shape of secret the three secret rules find, in files whose other
 * findings and fixes quote the lines around them (lower-case instructions,
 * services without log rotation, a script without `set -e`).
 */
const SECRETS = {
  composeMap: 'hunter2secretvalue',
  composeList: 'listFormTokenValue1',
  composeKeyBody: 'MIIEpAIBAAKCAQEAcomposeKeyBody',
  composeMysql: 'S3cretMysqlPw',
  composeCurl: 'CurlPassw0rd',
  composeBearer: 'BearerTok3nValue',
  env: 'EnvSecretValue99',
  arg: 'ArgSecretValue77',
  dockerKeyBody: 'MIIEdockerfileKeyBody',
  dockerLogin: 'DockerLoginPw1',
  runMysql: 'RunMysqlPw1',
  runCurl: 'RunCurlPw1',
  runBearer: 'RunBearerTok1',
  scriptLogin: 'ScriptLoginPw1',
  scriptMysql: 'ScriptMysqlPw1',
  scriptCurl: 'ScriptCurlPw1',
  scriptBearer: 'ScriptBearerTok1',
};
const S = SECRETS;

const COMPOSE = `services:
  db:
    image: mysql:8.0.36
    environment:
      MYSQL_ROOT_PASSWORD: ${S.composeMap}
    command: mysql -uroot -p${S.composeMysql}
  web:
    image: nginx:1.25.3
    environment:
      - API_TOKEN=${S.composeList}
      - |
        TLS_KEY=-----BEGIN RSA PRIVATE KEY-----
        ${S.composeKeyBody}
        -----END RSA PRIVATE KEY-----
    healthcheck:
      test: ["CMD", "curl", "-u", "admin:${S.composeCurl}", "-H", "Authorization: Bearer ${S.composeBearer}", "http://localhost"]
`;

// Most instructions upper-case: the lower-case ones, which hold the secrets, get a casing fix.
const DOCKERFILE = `FROM alpine:3.19
LABEL org.opencontainers.image.title=demo
WORKDIR /app
EXPOSE 8080
env DB_PASSWORD=${S.env}
arg GITHUB_TOKEN=${S.arg}
env TLS_KEY="-----BEGIN RSA PRIVATE KEY-----\\n${S.dockerKeyBody}\\n-----END RSA PRIVATE KEY-----"
run docker login -p ${S.dockerLogin} registry.example.com
run mysql -uroot -p${S.runMysql} -e 'select 1'
run curl -u admin:${S.runCurl} -H "Authorization: Bearer ${S.runBearer}" https://example.com
USER 10001
HEALTHCHECK CMD ["true"]
CMD ["sh"]
`;

const SCRIPT = `#!/bin/sh
docker login -p ${S.scriptLogin} registry.example.com
mysql -uroot -p${S.scriptMysql} -e 'select 1'
curl -u admin:${S.scriptCurl} -H "Authorization: Bearer ${S.scriptBearer}" https://example.com
`;

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-secrets-'));
  writeFileSync(path.join(dir, 'compose.yaml'), COMPOSE);
  writeFileSync(path.join(dir, 'Dockerfile'), DOCKERFILE);
  writeFileSync(path.join(dir, 'deploy.sh'), SCRIPT);
  return dir;
}

/** Upper-cases the instructions: a fix on every line of the Dockerfile, so the diffs show each of them. */
const CASING = ['--rule', 'dockerfile/instruction-casing: warning'];

/** Every secret value that shows in the output (none should). */
function leaked(text: string): string[] {
  return Object.values(SECRETS).filter((value) => text.includes(value));
}

describe('secrets in reports', () => {
  const dir = project();

  it('are all found by the secret rules (so the checks below are not vacuous)', async () => {
    const run = await cli(['-f', 'json', '--no-config-lookup', '.'], dir);
    const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { ruleId: string; line: number }[] }[] };
    const secretFindings = report.files.flatMap((f) =>
      f.diagnostics.filter((d) => /no-plaintext-secrets|no-secrets-in-env-arg|no-password-argument/.test(d.ruleId)).map((d) => `${f.path}:${d.line} ${d.ruleId}`),
    );
    expect(secretFindings).toEqual([
      'Dockerfile:5 dockerfile/no-secrets-in-env-arg',
      'Dockerfile:6 dockerfile/no-secrets-in-env-arg',
      'Dockerfile:7 dockerfile/no-secrets-in-env-arg',
      'Dockerfile:8 shell/no-password-argument',
      'Dockerfile:9 shell/no-password-argument',
      'Dockerfile:10 shell/no-password-argument',
      'Dockerfile:10 shell/no-password-argument',
      'compose.yaml:5 compose/no-plaintext-secrets',
      'compose.yaml:6 compose/no-plaintext-secrets',
      'compose.yaml:10 compose/no-plaintext-secrets',
      'compose.yaml:11 compose/no-plaintext-secrets',
      'compose.yaml:16 compose/no-plaintext-secrets',
      'compose.yaml:16 compose/no-plaintext-secrets',
      'deploy.sh:2 shell/no-password-argument',
      'deploy.sh:3 shell/no-password-argument',
      'deploy.sh:4 shell/no-password-argument',
      'deploy.sh:4 shell/no-password-argument',
    ]);
  });

  it.each(FORMAT_NAMES.map((f) => [f]))('never print a secret value with --format %s', async (format) => {
    const run = await cli(['-f', format, '--no-config-lookup', '.'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(leaked(run.stdout + run.stderr)).toEqual([]);
  });

  it('mask them in the code frames of the pretty report, keeping the columns', async () => {
    const run = await cli(['--no-config-lookup', 'Dockerfile'], dir);
    expect(run.stdout).toContain(`  > 5 | env DB_PASSWORD=${'*'.repeat(S.env.length)}\n`);
    expect(run.stdout).toContain(`  > 9 | run mysql -uroot -p${'*'.repeat(S.runMysql.length)} -e 'select 1'\n`);
  });

  it.each([[[]], [['--unsafe-fixes']]])('never print a secret value in --fix-dry-run diffs (%j)', async (extra) => {
    for (const format of FORMAT_NAMES) {
      const run = await cli(['--fix-dry-run', ...extra, ...CASING, '-f', format, '--no-config-lookup', '.'], dir);
      // The diffs do show the lines that hold secrets (the instructions are upper-cased, set -e is added).
      expect(run.stdout).toContain(`+ENV DB_PASSWORD=${'*'.repeat(S.env.length)}`);
      expect(leaked(run.stdout + run.stderr), format).toEqual([]);
    }
  });

  it('stay masked when the results come from the cache', async () => {
    const cache = path.join(mkdtempSync(path.join(os.tmpdir(), 'stack-lint-secrets-cache-')), 'cache.json');
    const first = await cli(['--cache-location', cache, '--no-config-lookup', '.'], dir);
    const second = await cli(['--cache-location', cache, '--no-config-lookup', '.'], dir);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stdout).toContain(`  > 5 | env DB_PASSWORD=${'*'.repeat(S.env.length)}\n`);
    expect(leaked(second.stdout + second.stderr)).toEqual([]);
  });

  it('give a finding in an env file a SARIF fingerprint, but no line hash of its secret line', async () => {
    const envProject = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-secrets-env-'));
    writeFileSync(path.join(envProject, 'compose.yaml'), 'services:\n  app:\n    image: nginx:1.27.0\n    env_file: app.env\n');
    writeFileSync(path.join(envProject, 'app.env'), 'DB_PASSWORD=EnvFileSecret12\n');
    const run = await cli(['-f', 'sarif', '--no-config-lookup', '.'], envProject);
    expect(run.stdout).not.toContain('EnvFileSecret12');
    const results = JSON.parse(run.stdout).runs[0].results as { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    const inEnvFile = results.filter((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'app.env');
    expect(inEnvFile.map((r) => [r.ruleId, Object.keys(r.partialFingerprints)])).toEqual([['compose/no-plaintext-secrets', ['stackLintFindingHash/v1']]]);
    for (const r of results) expect(r.partialFingerprints['stackLintFindingHash/v1']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('never print a secret value with --print-config', async () => {
    const run = await cli(['--print-config', 'compose.yaml', '--no-config-lookup'], dir);
    expect(run.code).toBe(0);
    expect(leaked(run.stdout + run.stderr)).toEqual([]);
  });

  it('--stdin --fix gives the user back their own text, secrets included; the report on stderr masks them', async () => {
    const run = await cli(['--stdin', '--stdin-filename', 'Dockerfile', '--fix', ...CASING, '--no-config-lookup'], dir, {}, DOCKERFILE);
    expect(run.stdout).toBe(DOCKERFILE.replace(/^(env|arg|run) /gm, (m) => m.toUpperCase()));
    expect(leaked(run.stdout).sort()).toEqual([S.env, S.arg, S.dockerKeyBody, S.dockerLogin, S.runMysql, S.runCurl, S.runBearer].sort());
    expect(run.stderr).toContain('dockerfile/no-secrets-in-env-arg');
    expect(leaked(run.stderr)).toEqual([]);
  });

  it('--stdin --fix-dry-run prints a masked diff', async () => {
    const run = await cli(['--stdin', '--stdin-filename', 'Dockerfile', '--fix-dry-run', ...CASING, '--no-config-lookup'], dir, {}, DOCKERFILE);
    expect(run.stdout).toContain('+ENV DB_PASSWORD=****************');
    expect(leaked(run.stdout + run.stderr)).toEqual([]);
  });
});
