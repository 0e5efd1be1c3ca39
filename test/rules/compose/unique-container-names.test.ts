import { describe, it } from 'vitest';
import uniqueContainerNames from '../../../rules/compose/unique-container-names.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/unique-container-names', () => {
  it('reports a container_name used twice, also through a default', async () => {
    await new RuleTester(uniqueContainerNames).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  api:\n    image: acme/api:1.0.0\n    container_name: app\n  worker:\n    image: acme/worker:1.0.0\n    container_name: "${APP_NAME:-app}"\n',
          errors: [
            {
              line: 7,
              column: 21,
              endLine: 7,
              endColumn: 39,
              message: 'service "worker" sets container_name "app", which service "api" already uses (line 4); Docker refuses to create the second container',
            },
          ],
        },
      ],
    });
  });

  it('accepts distinct names and names that depend on unset variables', async () => {
    await new RuleTester(uniqueContainerNames).run({
      valid: [
        `services:
  elasticsearch:
    image: elasticsearch:7.16.1
    container_name: es
  logstash:
    image: logstash:7.16.1
    container_name: log
  a:
    image: acme/a:1.0.0
    container_name: \${A_NAME}
  b:
    image: acme/b:1.0.0
    container_name: \${B_NAME}
`,
      ],
    });
  });

  it('accepts one name in services of profiles never enabled together, and reports it where two profiles meet', async () => {
    // An all-in-one image offered with and without its database: `--profile default` or `--profile default-no-db`.
    const code = (third: string) =>
      `services:\n  aio:\n    image: acme/aio:1.0.0\n    profiles: ["default"]\n    container_name: acme-aio\n  aio-no-db:\n    image: acme/aio:1.0.0\n    profiles: ["default-no-db"]\n    container_name: acme-aio\n${third}`;
    await new RuleTester(uniqueContainerNames).run({
      valid: [code('')],
      invalid: [
        {
          filename: 'compose.yaml',
          code: code('  debug:\n    image: acme/aio:1.0.0\n    profiles: ["debug", "default-no-db"]\n    container_name: acme-aio\n'),
          errors: [{ line: 13, column: 21, message: 'service "debug" sets container_name "acme-aio", which service "aio-no-db" already uses (line 9); Docker refuses to create the second container' }],
        },
      ],
    });
  });
});
