import { describe, it } from 'vitest';
import { RuleTester } from '../../../src/testing.js';
import envFileExists from '../../../rules/compose/env-file-exists.js';

const RULE = 'compose/env-file-exists';
const appEnv = { 'app.env': 'LOG_LEVEL=info\n' };

describe(RULE, () => {
  it('reports env files that do not exist, in a list and alone', async () => {
    await new RuleTester(envFileExists).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  app:\n    image: shop/app:1.0.0\n    env_file:\n      - ./app.env\n      - ./app.local.env\n  worker:\n    image: shop/worker:1.0.0\n    env_file: worker.env\n',
          files: appEnv,
          errors: [
            {
              line: 6,
              column: 9,
              endLine: 6,
              endColumn: 24,
              message: 'service "app" reads env_file "./app.local.env", which does not exist; compose refuses to start (mark it "required: false" if it is optional)',
            },
            {
              line: 9,
              column: 15,
              endLine: 9,
              endColumn: 25,
              message: 'service "worker" reads env_file "worker.env", which does not exist; compose refuses to start (mark it "required: false" if it is optional)',
            },
          ],
        },
      ],
    });
  });

  it('accepts files that exist, optional ones, and paths it cannot know', async () => {
    await new RuleTester(envFileExists).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  app:\n    image: shop/app:1.0.0\n    env_file:\n      - ./app.env\n      - path: ./app.local.env\n        required: false\n  worker:\n    image: shop/worker:1.0.0\n    env_file: ${WORKER_ENV_FILE}\n',
          files: appEnv,
        },
      ],
    });
  });

  it('leaves a missing .env alone when a .env.example beside it is the template users copy it from', async () => {
    const code = 'services:\n  web:\n    image: healthchecks/healthchecks:v3.6\n    env_file: ./.env\n';
    await new RuleTester(envFileExists).run({
      valid: [{ filename: 'compose.yaml', code, files: { '.env.example': 'DB=postgres\nSECRET_KEY=---\n' } }],
      invalid: [
        {
          filename: 'compose.yaml',
          code,
          errors: [{ line: 4, column: 15, message: 'service "web" reads env_file "./.env", which does not exist; compose refuses to start (mark it "required: false" if it is optional)' }],
        },
        {
          filename: 'compose.yaml',
          code: code.replace('./.env', './config/app.env'),
          files: { '.env.example': 'DB=postgres\n' },
          errors: [{ line: 4, column: 15, message: /reads env_file "\.\/config\/app\.env", which does not exist/ }],
        },
      ],
    });
  });

  it('leaves a missing .env alone when a Makefile rule makes it', async () => {
    // The Makefile's targets that start the stack depend on `.env`, whose recipe writes fresh secrets into it.
    const code = 'services:\n  server:\n    image: acme/server:1.0.0\n    env_file: .env\n';
    const makefile = 'compose_build: .env\n\tdocker compose build\n\n.env:\n\tprintf "SECRET_KEY=`pwgen -1s 32`\\n" >> .env\n\nenv: .env\n';
    await new RuleTester(envFileExists).run({
      valid: [{ filename: 'compose.yaml', code, files: { Makefile: makefile } }],
      invalid: [
        {
          filename: 'compose.yaml',
          code,
          // A Makefile that only runs compose makes no `.env`.
          files: { Makefile: 'up:\n\tdocker compose up -d\n' },
          errors: [{ line: 4, column: 15, message: 'service "server" reads env_file ".env", which does not exist; compose refuses to start (mark it "required: false" if it is optional)' }],
        },
      ],
    });
  });

  it('leaves the env files of a compose template alone: users make them with their copy', async () => {
    const code = 'services:\n  web:\n    env_file:\n      - ./config/local.env\n';
    await new RuleTester(envFileExists).run({
      valid: [
        { filename: 'docker-compose.override.example.yml', code },
        { filename: 'compose.override.yaml.sample', code },
      ],
      invalid: [{ filename: 'docker-compose.override.yml', code, errors: [{ line: 4, column: 9, message: /reads env_file "\.\/config\/local\.env", which does not exist/ }] }],
    });
  });
});
