import { describe, expect, it } from 'vitest';
import healthcheckTestForm from '../../../rules/compose/healthcheck-test-form.js';
import { RuleTester } from '../../../src/testing.js';

const service = (name: string, image: string, test: string) => `  ${name}:\n    image: ${image}\n    healthcheck:\n      test:${test}\n`;
const nothingDockerUnderstands = (name: string, first: string) =>
  `service "${name}"'s healthcheck test starts with "${first}", not CMD, CMD-SHELL or NONE: the list runs nothing Docker understands; start it with "CMD" (run the command) or "CMD-SHELL" (run it with /bin/sh -c)`;
const web = (list: string) => `services:\n${service('web', 'nginx:1.27', ` ${list}`)}`;
const api = (list: string) => `services:\n${service('api', 'shop/api:2.0.1', `\n${list}        - -qO-\n        - http://localhost:8080/health`)}`;

describe('compose/healthcheck-test-form', () => {
  it('reports a test list that does not start with CMD, CMD-SHELL or NONE, and suggests (never applies) a CMD first item, in flow and block style', async () => {
    await new RuleTester(healthcheckTestForm).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: web('["curl", "-f", "http://localhost/"]'),
          errors: [{ line: 5, column: 14, endLine: 5, endColumn: 20, message: nothingDockerUnderstands('web', 'curl'), suggestionOutputs: [web('["CMD", "curl", "-f", "http://localhost/"]')] }],
        },
        {
          filename: 'compose.yaml',
          code: api('        - wget\n'),
          errors: [{ line: 6, column: 11, endLine: 6, endColumn: 15, message: nothingDockerUnderstands('api', 'wget'), suggestionOutputs: [api('        - CMD\n        - wget\n')] }],
        },
      ],
    });
    // RuleTester fails a case whose finding carries a fix and no output: the suggestion is never applied.
    expect(healthcheckTestForm.meta.fix).toBe('none');
  });

  it('reports a lower-case cmd-shell, NONE with a command, and an empty list', async () => {
    await new RuleTester(healthcheckTestForm).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:\n${service('db', 'postgres:16.4', ' ["cmd-shell", "pg_isready"]')}`,
          errors: [
            { line: 5, column: 14, endLine: 5, endColumn: 25, message: 'service "db"\'s healthcheck test starts with "cmd-shell", not CMD, CMD-SHELL or NONE: "cmd-shell" must be written "CMD-SHELL"' },
          ],
        },
        {
          filename: 'compose.yaml',
          code: `services:\n${service('cache', 'redis:7.4', ' ["NONE", "redis-cli ping"]')}`,
          errors: [{ line: 5, column: 22, endLine: 5, endColumn: 38, message: 'service "cache"\'s healthcheck test is ["NONE", …]: NONE disables the check and takes no command' }],
        },
        {
          filename: 'compose.yaml',
          code: `services:\n${service('queue', 'rabbitmq:3.13', ' []')}`,
          errors: [{ line: 5, column: 13, endLine: 5, endColumn: 15, message: 'service "queue" has an empty healthcheck test list; use ["NONE"] or "disable: true" to turn the check off' }],
        },
      ],
    });
  });

  it('accepts CMD, CMD-SHELL, NONE and the string form', async () => {
    await new RuleTester(healthcheckTestForm).run({
      valid: [
        'services:\n' +
          service('web', 'nginx:1.27', ' ["CMD", "curl", "-f", "http://localhost/"]') +
          service('db', 'postgres:16.4', ' ["CMD-SHELL", "pg_isready -U postgres"]') +
          service('cache', 'redis:7.4', ' redis-cli ping') +
          service('legacy', 'shop/legacy:1.0.0', ' ["NONE"]'),
      ],
    });
  });
});
