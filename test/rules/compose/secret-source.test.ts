import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/secret-source';

describe(RULE, () => {
  it('reports secrets and configs with no source or two', async () => {
    const found = await findings(RULE, ['compose/secret-source/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/secret-source/bad/compose.yaml:7:3-7:14 compose/secret-source secret "db_password" has no source: set "file", "environment" or "external: true"',
      'compose/secret-source/bad/compose.yaml:11:5-11:16 compose/secret-source secret "api_key" sets "file" and "environment"; compose takes exactly one source',
      'compose/secret-source/bad/compose.yaml:13:3-13:13 compose/secret-source config "nginx_conf" has no source: set "file", "environment", "content" or "external: true"',
    ]);
  });

  it('accepts file, environment, content and external sources', async () => {
    expect(await findings(RULE, ['compose/secret-source/good'])).toEqual([]);
  });
});
