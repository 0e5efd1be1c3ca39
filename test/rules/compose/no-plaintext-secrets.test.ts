import { describe, it } from 'vitest';
import noPlaintextSecrets from '../../../rules/compose/no-plaintext-secrets.js';
import { gitIndex, RuleTester } from '../../../src/testing.js';

const BAD = `x-db-env: &db-env
  POSTGRES_USER: orchesity_user
  POSTGRES_PASSWORD: secure_password

services:
  orchesity-api:
    build: .
    environment:
      - DATABASE_URL=postgresql+asyncpg://orchesity_user:secure_password@postgres:5432/orchesity_db
      - REDIS_URL=redis://redis:6379/0
      - OPENAI_API_KEY=sk-proj-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c
      - SECRET_KEY=\${SECRET_KEY:-your-super-secure-secret-key-here}
  postgres:
    image: postgres:15-alpine
    environment:
      <<: *db-env
      POSTGRES_DB: orchesity_db
  grafana:
    image: grafana/grafana:11.2.0
    environment:
      - GF_SECURITY_ADMIN_PASSWORD=admin
  db:
    image: mcr.microsoft.com/azure-sql-edge:1.0.4
    environment:
      SA_PASSWORD: "example_123"
    healthcheck:
      test: ["CMD-SHELL", "/opt/mssql-tools/bin/sqlcmd -S localhost -U sa -P example_123 -Q 'SELECT 1' || exit 1"]
  runner:
    image: acme/runner:1.0.0
    command: ["--registration-token", "glpat-Zx81kq9Lm2Pq7Rt5Vw3Y", "--password=hunter2hunter2"]
    labels:
      deploy.webhook.token: 4d1f2a9b8c7e6d5f
    build:
      context: .
      args:
        GITHUB_TOKEN: ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8
  worker:
    image: acme/worker:1.0.0
    env_file:
      - ./app.env
`;
const APP_ENV = 'LOG_LEVEL=info\nAPI_TOKEN="q8Zr2Lx7Vn4Kp1Ws"\nDB_PASSWORD=${DB_PASSWORD}\n';

// Every message is exact: it names the setting and masks the value, so none of the secrets above is ever printed.
const IN_COMPOSE = [
  {
    line: 3, column: 22, endLine: 3, endColumn: 37,
    message:
      'service "postgres": POSTGRES_PASSWORD in environment is set to a literal value (se******** (15 characters)); read it from an untracked .env (${POSTGRES_PASSWORD}) or a Compose secret (POSTGRES_PASSWORD_FILE)',
  },
  {
    line: 9, column: 58, endLine: 9, endColumn: 73,
    message:
      'service "orchesity-api": DATABASE_URL contains a password in a URL (se******** (15 characters)); pass it in through a variable or a Compose secret',
  },
  {
    line: 11, column: 24, endLine: 11, endColumn: 64,
    message:
      'service "orchesity-api": OPENAI_API_KEY in environment is set to a literal value (sk******** (40 characters)); read it from an untracked .env (${OPENAI_API_KEY}) or a Compose secret (OPENAI_API_KEY_FILE)',
  },
  {
    line: 12, column: 20, endLine: 12, endColumn: 68,
    message:
      'service "orchesity-api": SECRET_KEY in environment falls back to a literal default (yo******** (33 characters)); read it from an untracked .env (${SECRET_KEY}) or a Compose secret (SECRET_KEY_FILE)',
  },
  {
    line: 21, column: 36, endLine: 21, endColumn: 41,
    message:
      'service "grafana": GF_SECURITY_ADMIN_PASSWORD in environment is set to a literal value (***** (5 characters)); read it from an untracked .env (${GF_SECURITY_ADMIN_PASSWORD}) or a Compose secret (GF_SECURITY_ADMIN_PASSWORD_FILE)',
  },
  {
    line: 25, column: 20, endLine: 25, endColumn: 33,
    message:
      'service "db": SA_PASSWORD in environment is set to a literal value (******** (11 characters)); read it from an untracked .env (${SA_PASSWORD}) or a Compose secret (SA_PASSWORD_FILE)',
  },
  {
    line: 27, column: 78, endLine: 27, endColumn: 89,
    message:
      'service "db" repeats the literal value of SA_PASSWORD on its command line (******** (11 characters))',
  },
  {
    line: 30, column: 40, endLine: 30, endColumn: 66,
    message:
      'service "runner": an item of command contains a GitLab token (gl******** (26 characters)); pass it in through a variable or a Compose secret',
  },
  {
    line: 30, column: 81, endLine: 30, endColumn: 95,
    message:
      'service "runner" passes --password a literal value on its command line (hu******** (14 characters)), where process lists and logs show it',
  },
  {
    line: 32, column: 29, endLine: 32, endColumn: 45,
    message:
      'service "runner": deploy.webhook.token in labels is set to a literal value (4d******** (16 characters)); labels are readable by anyone who can inspect the container; keep secrets out of them',
  },
  {
    line: 36, column: 23, endLine: 36, endColumn: 63,
    message:
      'service "runner": GITHUB_TOKEN in build args is set to a literal value (gh******** (40 characters)); build args stay in the image history; use a build secret (RUN --mount=type=secret)',
  },
];

describe('compose/no-plaintext-secrets', () => {
  it('reports literal secrets in environment, labels, build args and env_file files, URLs with passwords, token shapes and secrets on command lines, never printing a value', async () => {
    await new RuleTester(noPlaintextSecrets).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: BAD,
          files: { 'app.env': APP_ENV },
          errors: [
            {
              line: 2,
              column: 11,
              endLine: 2,
              endColumn: 29,
              file: 'app.env',
              message: 'API_TOKEN in app.env (an env_file of the stack) is a literal value (q8******** (16 characters)); keep the file out of version control or use a Compose secret',
            },
            ...IN_COMPOSE,
          ],
        },
      ],
    });
  });

  it('with envFiles: false, leaves env_file files alone', async () => {
    await new RuleTester(noPlaintextSecrets).run({
      invalid: [{ filename: 'compose.yaml', code: BAD, files: { 'app.env': APP_ENV }, options: { envFiles: false }, errors: IN_COMPOSE }],
    });
  });

  it('accepts variables, secrets read from files, settings about secrets and passwords in URLs that are variables', async () => {
    await new RuleTester(noPlaintextSecrets).run({
      valid: [
        `services:
  dispatch:
    image: acme/dispatch:1.0.0
    environment:
      - DATABASE_URL=\${DATABASE_URL}
      - PORT=\${DISPATCH_PORT:-4890}
      - SUPABASE_KEY=\${SUPABASE_KEY}
      - LOGFIRE_TOKEN=\${LOGFIRE_TOKEN:?set LOGFIRE_TOKEN in .env}
      - SSH_PRIVATE_KEY_PATH=/root/.ssh/processing-to-storage
      - SSH_PRIVATE_KEY_PASSPHRASE=\${SSH_PRIVATE_KEY_PASSPHRASE}
      - DATABASE_PASSWORD=/run/secrets/db-password
      - CACHE_URL=redis://:\${REDIS_PASSWORD}@redis:6379/0
  postgres:
    image: postgres:15-alpine
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
      POSTGRES_HOST_AUTH_METHOD: scram-sha-256
      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"
      TOKEN_TTL: 3600
      PASSWORD_MIN_LENGTH: 12
      AWS_ACCESS_KEY_ID: \${AWS_ACCESS_KEY_ID}
    secrets:
      - db_password
  pihole:
    image: pihole/pihole:2024.07.0
    environment:
      - WEBPASSWORD=\${PIHOLE_PW}
  db:
    image: mariadb:10.6
    environment:
      - MYSQL_ROOT_PASSWORD_FILE=/run/secrets/db-password
    healthcheck:
      test: ['CMD-SHELL', 'mysqladmin ping -h 127.0.0.1 --password="$$(cat /run/secrets/db-password)" --silent']
secrets:
  db_password:
    file: ./secrets/db_password.txt
`,
      ],
    });
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

  it('leaves an env_file git ignores alone (the recommended place for secrets), and still reports inline ones and a tracked or unignored env_file', async () => {
    const code = 'services:\n  api:\n    image: acme/api:1.0.0\n    env_file: .env.prod\n    environment:\n      REDIS_PASSWORD: Rk2Lq8Zx0Vw4\n';
    const inline = { line: 6, column: 23, message: /^service "api": REDIS_PASSWORD in environment is set to a literal value/ };
    const inEnvFile = { line: 1, column: 12, file: '.env.prod', message: /^SECRET_KEY in \.env\.prod \(an env_file of the stack\) is a literal value/ };
    const files = { '.env.prod': 'SECRET_KEY=f3b9c2a7d41e8b6f0a5c9d2e7b1f4a8c\n' };
    await new RuleTester(noPlaintextSecrets).run({
      invalid: [
        { name: 'ignored, in a repository', filename: 'compose.yaml', code, files: { ...files, '.gitignore': '.env*\n', '.git/index': gitIndex(['compose.yaml', '.gitignore']) }, errors: [inline] },
        { name: 'ignored, no repository', filename: 'compose.yaml', code, files: { ...files, '.gitignore': '.env.prod\n' }, errors: [inline] },
        { name: 'ignored but tracked', filename: 'compose.yaml', code, files: { ...files, '.gitignore': '.env*\n', '.git/index': gitIndex(['.env.prod']) }, errors: [inEnvFile, inline] },
        { name: 'not ignored', filename: 'compose.yaml', code, files: { ...files, '.gitignore': '.env\n', '.git/index': gitIndex([]) }, errors: [inEnvFile, inline] },
        { name: 'nothing known of git', filename: 'compose.yaml', code, files, errors: [inEnvFile, inline] },
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
