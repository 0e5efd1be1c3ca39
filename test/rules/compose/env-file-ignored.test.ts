import { describe, expect, it } from 'vitest';
import rule from '../../../rules/compose/env-file-ignored.js';
import { gitIndex, RuleTester } from '../../../src/testing.js';

const RULE = 'compose/env-file-ignored';

/** Guide 004's production file: the secrets live in .env.prod, read as an env_file. */
const PROD = 'services:\n  backend:\n    image: loc8/backend:1.4.0\n    env_file: .env.prod\n';
const ENV_PROD = 'DEBUG=false\nSECRET_KEY=f3b9c2a7d41e8b6f0a5c9d2e7b1f4a8c\nDATABASE_PASSWORD=Zq8v2LrT0pW4xYb7\n';
/** The .gitignore the guide means: every env file but the templates. */
const GITIGNORE = '.env*\n!.env*.example\n';

describe(RULE, () => {
  it('is an error in the recommended preset', () => {
    expect(rule.meta.severity).toBe('error');
    expect(rule.meta.recommended).not.toBe(false);
  });

  it('accepts an ignored, untracked env file, templates, files without secrets, and a folder git says nothing about', async () => {
    await new RuleTester(rule).run({
      valid: [
        { name: 'ignored and untracked', filename: 'compose.yaml', code: PROD, files: { '.env.prod': ENV_PROD, '.gitignore': GITIGNORE, '.git/index': gitIndex(['.gitignore', 'compose.yaml']) } },
        { name: 'ignored, no repository', filename: 'compose.yaml', code: PROD, files: { '.env.prod': ENV_PROD, '.gitignore': GITIGNORE } },
        { name: 'ignored by a deeper .gitignore', filename: 'deploy/compose.yaml', code: PROD, files: { '.env.prod': ENV_PROD, '../.gitignore': 'node_modules/\n', '.gitignore': '.env.prod\n', '../.git/index': gitIndex(['deploy/compose.yaml']) } },
        { name: 'a template', filename: 'compose.yaml', code: PROD.replace('.env.prod', '.env.prod.example'), files: { '.env.prod.example': ENV_PROD, '.git/index': gitIndex(['.env.prod.example']) } },
        { name: 'no literal secret', filename: 'compose.yaml', code: PROD, files: { '.env.prod': 'DEBUG=false\nSECRET_KEY=${SECRET_KEY}\nAPI_TOKEN_FILE=/run/secrets/api_token\n', '.git/index': gitIndex(['.env.prod']) } },
        { name: 'placeholders committed as defaults', filename: 'compose.yaml', code: PROD, files: { '.env.prod': 'SECRET_KEY=changeme\nAPI_KEY=your-api-key\nDB_PASSWORD=<password>\nJWT_SECRET=your-super-secure-secret-key-here\n', '.git/index': gitIndex(['.env.prod']) } },
        { name: 'no repository and no .gitignore', filename: 'compose.yaml', code: PROD, files: { '.env.prod': ENV_PROD } },
        { name: 'an unreadable index and an ignoring .gitignore', filename: 'compose.yaml', code: PROD, files: { '.env.prod': ENV_PROD, '.gitignore': GITIGNORE, '.git/index': 'DIRC\u0000\u0000\u0000\u0002' } },
        {
          name: 'a throwaway password of a development file',
          filename: 'compose.dev.yaml',
          code: 'services:\n  db:\n    image: postgres:16\n    env_file: dev.env\n',
          files: { 'dev.env': 'POSTGRES_PASSWORD=postgres\n', '.git/index': gitIndex(['dev.env']) },
        },
        { name: 'a template compose file', filename: 'docker-compose.override.example.yml', code: PROD, files: { '.env.prod': ENV_PROD, '.git/index': gitIndex(['.env.prod']) } },
        { name: 'an ignored .env', filename: 'compose.yaml', code: 'services:\n  db:\n    image: "postgres:${PG_TAG}"\n', files: { '.env': 'PG_TAG=16\nPOSTGRES_PASSWORD=Zq8v2LrT0pW4xYb7\n', '.gitignore': '.env\n', '.git/index': gitIndex([]) } },
      ],
      invalid: [
        {
          name: 'tracked (guide 004: .env.prod committed beside .env.prod.example)',
          filename: 'compose.yaml',
          code: PROD,
          files: { '.env.prod': ENV_PROD, '.env.prod.example': 'SECRET_KEY=change-me\n', '.gitignore': '.env\n', '.git/index': gitIndex(['.env.prod', '.env.prod.example', '.gitignore', 'compose.yaml']) },
          errors: [
            {
              line: 4,
              column: 15,
              endColumn: 24,
              message: 'service "backend" reads env_file ".env.prod", which holds secrets (SECRET_KEY, DATABASE_PASSWORD) and is tracked by git; stop tracking it (git rm --cached), add it to .gitignore and change the secrets it held',
            },
          ],
        },
        {
          name: 'tracked although ignored (added to .gitignore after the commit)',
          filename: 'compose.yaml',
          code: PROD,
          files: { '.env.prod': ENV_PROD, '.gitignore': GITIGNORE, '.git/index': gitIndex(['.env.prod']) },
          errors: [{ line: 4, column: 15, message: 'service "backend" reads env_file ".env.prod", which holds secrets (SECRET_KEY, DATABASE_PASSWORD) and is tracked by git although .gitignore ignores it; stop tracking it (git rm --cached) and change the secrets it held' }],
        },
        {
          name: 'untracked and not ignored',
          filename: 'compose.yaml',
          code: PROD,
          files: { '.env.prod': ENV_PROD, '.gitignore': '.env\n', '.git/index': gitIndex(['compose.yaml']) },
          errors: [{ line: 4, column: 15, message: 'service "backend" reads env_file ".env.prod", which holds secrets (SECRET_KEY, DATABASE_PASSWORD) and is not ignored by git, so the next "git add ." commits it; add it to .gitignore and commit a template with placeholders instead (.env.example)' }],
        },
        {
          name: 'not ignored by the .gitignore of a folder that is no repository (a negation re-includes it)',
          filename: 'compose.yaml',
          code: 'services:\n  api:\n    image: a:1\n    env_file:\n      - path: ./config/api.env\n        required: false\n',
          files: { 'config/api.env': 'OPENAI_API_KEY=sk-proj-3f9a8b7c6d5e4f3a2b1c0d9e\n', '.gitignore': '*.env\n!config/*.env\n' },
          errors: [{ line: 5, column: 15, message: 'service "api" reads env_file "./config/api.env", which holds secrets (OPENAI_API_KEY) and is not ignored by .gitignore; add it to .gitignore and commit a template with placeholders instead (.env.example)' }],
        },
        {
          name: 'the .env read for interpolation, tracked: reported in the .env, on the first secret',
          filename: 'compose.yaml',
          code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n',
          files: { '.env': '# database\nPOSTGRES_USER=app\nPOSTGRES_PASSWORD=Zq8v2LrT0pW4xYb7\n', '.git/index': gitIndex(['.env', 'compose.yaml']) },
          errors: [{ file: '.env', line: 3, column: 1, endColumn: 18, message: '.env holds secrets (POSTGRES_PASSWORD) and is tracked by git; stop tracking it (git rm --cached), add it to .gitignore and change the secrets it held' }],
        },
        {
          name: 'the .env every compose file of the folder reads: one finding',
          filename: 'compose.yaml',
          code: 'services:\n  db:\n    image: "postgres:${PG_TAG}"\n',
          files: {
            'compose.prod.yaml': 'services:\n  db:\n    restart: always\n',
            'docker-compose.tools.yml': 'services:\n  adminer:\n    image: "adminer:${ADMINER_TAG}"\n',
            '.env': 'PG_TAG=16\nADMINER_TAG=4\nPOSTGRES_PASSWORD=Zq8v2LrT0pW4xYb7\n',
            '.gitignore': '*.log\n',
            '.git/HEAD': 'ref: refs/heads/main\n',
          },
          errors: [{ file: '.env', line: 3, column: 1, message: '.env holds secrets (POSTGRES_PASSWORD) and is not ignored by git, so the next "git add ." commits it; add it to .gitignore and commit a template with placeholders instead (.env.example)' }],
        },
        {
          name: 'a token in a development file is real',
          filename: 'compose.dev.yaml',
          code: 'services:\n  api:\n    image: a:1\n    env_file: [dev.env]\n',
          files: { 'dev.env': 'POSTGRES_PASSWORD=postgres\nGITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ0123456789\n', '.git/index': gitIndex(['dev.env']) },
          errors: [{ line: 4, column: 16, message: 'service "api" reads env_file "dev.env", which holds secrets (GITHUB_TOKEN) and is tracked by git; stop tracking it (git rm --cached), add it to .gitignore and change the secrets it held' }],
        },
      ],
    });
  });
});
