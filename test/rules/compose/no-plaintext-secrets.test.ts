import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { RuleTester } from '../../../src/testing.js';
import noPlaintextSecrets from '../../../rules/compose/no-plaintext-secrets.js';

const RULE = 'compose/no-plaintext-secrets';

describe(RULE, () => {
  it('reports literal secrets in environment, labels, build args and env_file files, URLs with passwords, token shapes and secrets on command lines', async () => {
    const all = await findings(RULE, ['compose/no-plaintext-secrets/bad']);
    expect(all.map(brief)[0]).toBe('compose/no-plaintext-secrets/bad/app.env:2:11-2:29 compose/no-plaintext-secrets');
    expect(all[0]!.message).toBe(
      'API_TOKEN in compose/no-plaintext-secrets/bad/app.env (an env_file of the stack) is a literal value (q8******** (16 characters)); keep the file out of version control or use a Compose secret',
    );
    const found = all.slice(1);
    expect(found.map(brief)).toEqual([
      'compose/no-plaintext-secrets/bad/compose.yaml:4:22-4:37 compose/no-plaintext-secrets',
      'compose/no-plaintext-secrets/bad/compose.yaml:10:58-10:73 compose/no-plaintext-secrets',
      'compose/no-plaintext-secrets/bad/compose.yaml:12:24-12:64 compose/no-plaintext-secrets',
      'compose/no-plaintext-secrets/bad/compose.yaml:13:20-13:68 compose/no-plaintext-secrets',
      'compose/no-plaintext-secrets/bad/compose.yaml:22:36-22:41 compose/no-plaintext-secrets',
      'compose/no-plaintext-secrets/bad/compose.yaml:26:20-26:33 compose/no-plaintext-secrets',
      'compose/no-plaintext-secrets/bad/compose.yaml:28:78-28:89 compose/no-plaintext-secrets',
      'compose/no-plaintext-secrets/bad/compose.yaml:31:40-31:66 compose/no-plaintext-secrets',
      'compose/no-plaintext-secrets/bad/compose.yaml:31:81-31:95 compose/no-plaintext-secrets',
      'compose/no-plaintext-secrets/bad/compose.yaml:33:29-33:45 compose/no-plaintext-secrets',
      'compose/no-plaintext-secrets/bad/compose.yaml:37:23-37:63 compose/no-plaintext-secrets',
    ]);
    expect(found[0]!.message).toBe(
      'service "postgres": POSTGRES_PASSWORD in environment is set to a literal value (se******** (15 characters)); read it from an untracked .env (${POSTGRES_PASSWORD}) or a Compose secret (POSTGRES_PASSWORD_FILE)',
    );
    expect(found[1]!.message).toBe(
      'service "orchesity-api": DATABASE_URL contains a password in a URL (se******** (15 characters)); pass it in through a variable or a Compose secret',
    );
    expect(found[3]!.message).toBe(
      'service "orchesity-api": SECRET_KEY in environment falls back to a literal default (yo******** (33 characters)); read it from an untracked .env (${SECRET_KEY}) or a Compose secret (SECRET_KEY_FILE)',
    );
    expect(found[6]!.message).toBe('service "db" repeats the literal value of SA_PASSWORD on its command line (******** (11 characters))');
    expect(found[7]!.message).toBe(
      'service "runner": an item of command contains a GitLab token (gl******** (26 characters)); pass it in through a variable or a Compose secret',
    );
    expect(found[8]!.message).toBe(
      'service "runner" passes --password a literal value on its command line (hu******** (14 characters)), where process lists and logs show it',
    );
    expect(found[10]!.message).toBe(
      'service "runner": GITHUB_TOKEN in build args is set to a literal value (gh******** (40 characters)); build args stay in the image history; use a build secret (RUN --mount=type=secret)',
    );
  });

  it('never prints a secret value', async () => {
    const found = await findings(RULE, ['compose/no-plaintext-secrets/bad']);
    const secrets = ['q8Zr2Lx7Vn4Kp1Ws', 'secure_password', 'sk-proj-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c', 'your-super-secure-secret-key-here', 'admin', 'example_123', 'glpat-Zx81kq9Lm2Pq7Rt5Vw3Y', 'hunter2hunter2', '4d1f2a9b8c7e6d5f', 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'];
    for (const d of found) for (const s of secrets) expect(d.message).not.toContain(s);
  });

  it('with envFiles: false, leaves env_file files alone', async () => {
    const found = await findings(RULE, ['compose/no-plaintext-secrets/bad'], { cliRules: ['compose/no-plaintext-secrets: [error, {envFiles: false}]'] });
    expect(found.filter((d) => d.relPath.endsWith('app.env'))).toEqual([]);
    expect(found).toHaveLength(11);
  });

  it('accepts variables, secrets read from files, settings about secrets and passwords in URLs that are variables', async () => {
    expect(await findings(RULE, ['compose/no-plaintext-secrets/good'])).toEqual([]);
  });

  it('does not take a user name on a command line for the password when both have the same value', async () => {
    const penpot = (test: string) =>
      [
        'services:',
        '  penpot-postgres:',
        '    image: postgres:15',
        '    healthcheck:',
        `      test: ${test}`,
        '    environment:',
        '      - POSTGRES_DB=penpot',
        '      - POSTGRES_USER=penpot',
        '      - POSTGRES_PASSWORD=penpot',
        '',
      ].join('\n');
    const password = { line: 9, column: 27, endColumn: 33, message: /^service "penpot-postgres": POSTGRES_PASSWORD in environment is set to a literal value \(/ };
    await new RuleTester(noPlaintextSecrets).run({
      invalid: [
        { filename: 'compose.yaml', code: penpot('["CMD-SHELL", "pg_isready -U penpot"]'), errors: [password], name: 'the user name' },
        { filename: 'compose.yaml', code: penpot('["CMD", "pg_isready", "--dbname", "penpot"]'), errors: [password], name: 'the database name' },
        {
          filename: 'compose.yaml',
          code: 'services:\n  postgres:\n    image: postgres:15\n    environment:\n      POSTGRES_PASSWORD: postgres\n    healthcheck:\n      test: pg_isready -h postgres\n',
          errors: [{ line: 5, column: 26, message: /^service "postgres": POSTGRES_PASSWORD in environment is set to a literal value/ }],
          name: 'the value of -h, a host name',
        },
      ],
    });
  });

  it('reports an env_file entry once, however many compose files and services read the file', async () => {
    const compose = (service: string) => `services:\n  ${service}:\n    image: acme/app:1.0.0\n    env_file: ./config/prod.env\n`;
    await new RuleTester(noPlaintextSecrets).run({
      invalid: [
        {
          filename: 'docker-compose.yml',
          code: compose('web'),
          files: { 'docker-compose.override.example.yml': compose('celery_flower'), 'config/prod.env': 'DJANGO_DEBUG=False\nCELERY_FLOWER_PASSWORD=adminadmin\n' },
          errors: [{ line: 2, column: 24, file: 'config/prod.env', message: /^CELERY_FLOWER_PASSWORD in config\/prod\.env \(an env_file of the stack\) is a literal value/ }],
        },
      ],
    });
  });

  it('leaves the literal credentials of development, test and CI files alone, but not a token or a private key', async () => {
    const code = [
      'services:',
      '  server:',
      '    image: acme/app:1.0.0',
      '    command: app --password=Fm3xQ9vLp2',
      '    environment:',
      '      POSTGRES_PASSWORD: Fm3xQ9vLp2',
      '      REDASH_DATABASE_URL: postgresql://postgres:Fm3xQ9vLp2@postgres/postgres',
      '      GITHUB_TOKEN: ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
      '',
    ].join('\n');
    await new RuleTester(noPlaintextSecrets).run({
      invalid: [
        {
          filename: '.ci/compose.ci.yaml',
          code,
          errors: [{ line: 8, column: 21, message: /^service "server": GITHUB_TOKEN contains a GitHub token/ }],
        },
        {
          filename: 'compose.yaml',
          code,
          errors: [
            { line: 4, column: 29, message: /passes --password a literal value/ },
            { line: 6, column: 26, message: /POSTGRES_PASSWORD in environment is set to a literal value/ },
            { line: 7, column: 50, message: /REDASH_DATABASE_URL contains a password in a URL/ },
            { line: 8, column: 21, message: /GITHUB_TOKEN/ },
          ],
        },
      ],
    });
  });
});
