import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { RuleTester } from '../../../src/testing.js';
import envFileExists from '../../../rules/compose/env-file-exists.js';

const RULE = 'compose/env-file-exists';

describe(RULE, () => {
  it('reports env files that do not exist', async () => {
    const found = await findings(RULE, ['compose/env-file-exists/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/env-file-exists/bad/compose.yaml:6:9-6:24 compose/env-file-exists service "app" reads env_file "./app.local.env", which does not exist; compose refuses to start (mark it "required: false" if it is optional)',
      'compose/env-file-exists/bad/compose.yaml:9:15-9:25 compose/env-file-exists service "worker" reads env_file "worker.env", which does not exist; compose refuses to start (mark it "required: false" if it is optional)',
    ]);
  });

  it('accepts files that exist, optional ones, and paths it cannot know', async () => {
    expect(await findings(RULE, ['compose/env-file-exists/good'])).toEqual([]);
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
});
