import { describe, expect, it } from 'vitest';
import envFileMode from '../../../rules/compose/env-file-mode.js';
import { RuleTester } from '../../../src/testing.js';

const RULE = 'compose/env-file-mode';
const tester = new RuleTester(envFileMode);
const compose = 'services:\n  api:\n    image: orchesity/api:1.2.0\n    env_file: .env.prod\n';
const secrets = [
  'DATABASE_URL=postgresql://postgres:5432/orchesity',
  'SECRET_KEY=f3b9c2a7d41e8b6f0a5c9d2e7b1f4a8c',
  'OPENAI_API_KEY=sk-proj-3f9a8b7c6d5e4f3a2b1c',
  'LOG_LEVEL=info',
  '',
].join('\n');
const settingsOnly = '# Settings only: the secrets come from Compose secrets.\nLOG_LEVEL=info\nSECRET_KEY=${SECRET_KEY}\nAPI_TOKEN_FILE=/run/secrets/api_token\nAPI_TOKEN=\n';
const message = (mode: string, who: string) =>
  `service "api" reads env_file ".env.prod", which holds secrets (SECRET_KEY, OPENAI_API_KEY) but has mode ${mode}, so ${who} can read them; chmod 600 it`;

describe(RULE, () => {
  it('is off in the recommended preset', () => {
    expect(envFileMode.meta.recommended).toBe(false);
  });

  it('reports an env_file holding secrets that others can read, naming the secrets, never their values', async () => {
    await tester.run({
      invalid: [
        { filename: 'compose.yaml', code: compose, files: { '.env.prod': secrets }, modes: { '.env.prod': 0o644 }, errors: [{ line: 4, column: 15, endColumn: 24, message: message('644', 'every user of the host') }], name: 'mode 644' },
        { filename: 'compose.yaml', code: compose, files: { '.env.prod': secrets }, modes: { '.env.prod': 0o640 }, errors: [{ line: 4, column: 15, message: message('640', "the file's group") }], name: 'mode 640' },
      ],
    });
  });

  it('accepts an env_file of mode 600, one without literal secrets, and files whose mode is unknown, as in memory', async () => {
    await tester.run({
      valid: [
        { filename: 'compose.yaml', code: compose, files: { '.env.prod': secrets }, modes: { '.env.prod': 0o600 }, name: 'mode 600' },
        { filename: 'compose.yaml', code: compose, files: { '.env.prod': settingsOnly }, modes: { '.env.prod': 0o644 }, name: 'no literal secrets' },
        { filename: 'compose.yaml', code: 'services:\n  api:\n    image: a:1\n    env_file: .env\n', files: { '.env': 'SECRET_KEY=f3b9c2a7d41e8b6f0a5c9d2e7b1f4a8c\n' }, name: 'mode unknown' },
      ],
    });
  });
});
