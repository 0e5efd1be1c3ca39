import { describe, it } from 'vitest';
import containerNamePattern from '../../../rules/compose/container-name-pattern.js';
import { RuleTester } from '../../../src/testing.js';

const names = (...pairs: [string, string][]) => `services:\n${pairs.map(([service, name]) => `  ${service}:\n    image: acme/${service}:1.0.0\n    container_name: ${name}\n`).join('')}`;
const depot = names(['discovery', 'depot-discovery'], ['fastapi', 'fastapi-application']);

describe('compose/container-name-pattern', () => {
  it('reports container names Docker rejects, at the name', async () => {
    await new RuleTester(containerNamePattern).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: names(['web', '"my-app@123"'], ['api', '-api'], ['x', 'x']),
          errors: [
            {
              line: 4,
              column: 21,
              endLine: 4,
              endColumn: 33,
              message:
                'service "web" sets container_name "my-app@123", which Docker rejects: names have two or more characters, start with a letter or digit and contain only letters, digits, _ . and -',
            },
            { line: 7, column: 21, endLine: 7, endColumn: 25, message: /^service "api" sets container_name "-api", which Docker rejects/ },
            { line: 10, column: 21, endLine: 10, endColumn: 22, message: /^service "x" sets container_name "x", which Docker rejects/ },
          ],
        },
      ],
    });
  });

  it('accepts valid names and unknown ones', async () => {
    await new RuleTester(containerNamePattern).run({ valid: [names(['discovery', 'depot-discovery'], ['fastapi', 'fastapi-application'], ['env', '${NAME}'])] });
  });

  it("applies the project's own pattern", async () => {
    await new RuleTester(containerNamePattern).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: depot,
          options: { pattern: '^depot-[a-z]+$' },
          errors: [
            { line: 7, column: 21, endLine: 7, endColumn: 40, message: 'service "fastapi" sets container_name "fastapi-application", which does not match the project\'s pattern ^depot-[a-z]+$' },
          ],
        },
      ],
    });
  });
});
