import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { RuleTester } from '../../../src/testing.js';
import secretSource from '../../../rules/compose/secret-source.js';

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

  it('reports a relative file source that does not exist, at the value, as the merged project uses it', async () => {
    const found = await findings(RULE, ['compose/secret-source/missing']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/secret-source/missing/compose.yaml:8:11-8:36 compose/secret-source secret "db_password" reads the file "./secrets/db_password.txt", which does not exist; services that use it fail to start',
      'compose/secret-source/missing/compose.yaml:19:11-19:29 compose/secret-source config "nginx_conf" reads the file "nginx/nginx.conf", which does not exist; services that use it fail to start',
      // external wins over file: two sources, but no missing file.
      'compose/secret-source/missing/compose.yaml:24:5-24:13 compose/secret-source config "motd" sets "file" and "external"; compose takes exactly one source',
    ]);
    // Not reported: ./old_token.txt (compose.override.yaml points api_token at a file that exists), absolute and ~ paths,
    // a path built from an undefined variable, and a folder.
  });

  it('takes the files a RuleTester case gives (and the folders holding them) as the ones that exist', async () => {
    const code = 'secrets:\n  key:\n    file: ./secrets/key.txt\nconfigs:\n  sites:\n    file: ./conf.d\n';
    await new RuleTester(secretSource).run({
      valid: [{ filename: 'compose.yaml', code, files: { 'secrets/key.txt': 'example', 'conf.d/default.conf': 'server {}' } }],
      invalid: [{ filename: 'compose.yaml', code, files: { 'conf.d/default.conf': 'server {}' }, errors: [{ line: 3, column: 11, message: /secret "key" reads the file ".\/secrets\/key.txt", which does not exist/ }] }],
    });
  });

  it('accepts file, environment, content and external sources', async () => {
    expect(await findings(RULE, ['compose/secret-source/good'])).toEqual([]);
  });
});
