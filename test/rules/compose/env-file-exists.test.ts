import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

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
});
