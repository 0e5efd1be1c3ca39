import { describe, it } from 'vitest';
import secretSource from '../../../rules/compose/secret-source.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/secret-source', () => {
  it('reports secrets and configs with no source or two', async () => {
    await new RuleTester(secretSource).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  app:
    image: shop/app:1.0.0
    secrets: [db_password, api_key]
    configs: [nginx_conf]
secrets:
  db_password:
    name: shop_db_password
  api_key:
    file: ./api_key.txt
    environment: API_KEY
configs:
  nginx_conf: {}
`,
          files: { 'api_key.txt': 'example-not-a-real-key\n' },
          errors: [
            { line: 7, column: 3, endLine: 7, endColumn: 14, message: 'secret "db_password" has no source: set "file", "environment" or "external: true"' },
            { line: 11, column: 5, endLine: 11, endColumn: 16, message: 'secret "api_key" sets "file" and "environment"; compose takes exactly one source' },
            { line: 13, column: 3, endLine: 13, endColumn: 13, message: 'config "nginx_conf" has no source: set "file", "environment", "content" or "external: true"' },
          ],
        },
      ],
    });
  });

  it('reports a relative file source that does not exist, at the value, as the merged project uses it', async () => {
    // Not reported: ./old_token.txt (compose.override.yaml points api_token at a file that exists), absolute and ~ paths,
    // a path built from an undefined variable, and a folder.
    await new RuleTester(secretSource).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  app:
    image: shop/app:1.0.0
    secrets: [db_password, api_token, tls_key, home_key, from_var]
    configs: [nginx_conf, sites, motd]
secrets:
  db_password:
    file: ./secrets/db_password.txt     # the secrets folder is not there
  api_token:
    file: ./old_token.txt                # compose.override.yaml points it elsewhere
  tls_key:
    file: /etc/ssl/private/shop.key      # absolute: may exist on the host that runs compose
  home_key:
    file: ~/.shop/key
  from_var:
    file: \${SECRETS_DIR}/from_var.txt    # not certain
configs:
  nginx_conf:
    file: "nginx/nginx.conf"
  sites:
    file: ./conf.d                       # a folder is mounted as it is
  motd:
    file: ./motd.txt
    external: true                       # two sources (reported), and external wins
`,
          files: {
            'compose.override.yaml': 'secrets:\n  api_token:\n    file: ./present.txt\n',
            'conf.d/default.conf': 'server {}\n',
            'present.txt': 'example-token-for-tests\n',
          },
          errors: [
            {
              line: 8,
              column: 11,
              endLine: 8,
              endColumn: 36,
              message: 'secret "db_password" reads the file "./secrets/db_password.txt", which does not exist; services that use it fail to start',
            },
            { line: 19, column: 11, endLine: 19, endColumn: 29, message: 'config "nginx_conf" reads the file "nginx/nginx.conf", which does not exist; services that use it fail to start' },
            // external wins over file: two sources, but no missing file.
            { line: 24, column: 5, endLine: 24, endColumn: 13, message: 'config "motd" sets "file" and "external"; compose takes exactly one source' },
          ],
        },
      ],
    });
  });

  it('takes the files a RuleTester case gives (and the folders holding them) as the ones that exist', async () => {
    const code = 'secrets:\n  key:\n    file: ./secrets/key.txt\nconfigs:\n  sites:\n    file: ./conf.d\n';
    await new RuleTester(secretSource).run({
      valid: [{ filename: 'compose.yaml', code, files: { 'secrets/key.txt': 'example', 'conf.d/default.conf': 'server {}' } }],
      invalid: [{ filename: 'compose.yaml', code, files: { 'conf.d/default.conf': 'server {}' }, errors: [{ line: 3, column: 11, message: /secret "key" reads the file ".\/secrets\/key.txt", which does not exist/ }] }],
    });
  });

  it('accepts file, environment, content and external sources', async () => {
    await new RuleTester(secretSource).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: `services:
  app:
    image: shop/app:1.0.0
    secrets: [db_password, api_key, tls_key]
    configs: [nginx_conf, motd]
secrets:
  db_password:
    file: ./db_password.txt
  api_key:
    environment: API_KEY
  tls_key:
    external: true
configs:
  nginx_conf:
    file: ./nginx.conf
  motd:
    content: |
      Welcome to the shop
`,
          files: { 'db_password.txt': 'example-password-for-tests\n', 'nginx.conf': 'events {}\n' },
        },
      ],
    });
  });
});
