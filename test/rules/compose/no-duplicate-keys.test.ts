import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/no-duplicate-keys';

describe(RULE, () => {
  it('reports keys written twice and variables set twice in list form, at the second one', async () => {
    const found = await findings(RULE, ['compose/no-duplicate-keys/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/no-duplicate-keys/bad/compose.yaml:5:5-5:10 compose/no-duplicate-keys key "image" is written twice in services.web (first on line 3); docker compose refuses the file',
      'compose/no-duplicate-keys/bad/compose.yaml:9:9-9:18 compose/no-duplicate-keys services.web.environment sets "LOG_LEVEL" twice (first on line 7); compose keeps only the last value',
      'compose/no-duplicate-keys/bad/compose.yaml:12:3-12:5 compose/no-duplicate-keys key "db" is written twice in services (first on line 10); docker compose refuses the file',
    ]);
  });

  it('accepts a key that overrides one a merge key brings in', async () => {
    expect(await findings(RULE, ['compose/no-duplicate-keys/good'])).toEqual([]);
  });
});
