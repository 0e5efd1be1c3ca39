import { describe, it } from 'vitest';
import projectNameValid from '../../../rules/compose/project-name-valid.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/project-name-valid', () => {
  it('reports a name compose refuses, suggesting a valid one', async () => {
    await new RuleTester(projectNameValid).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'name: My Shop\nservices:\n  web:\n    image: nginx:1.27\n',
          errors: [
            {
              line: 1,
              column: 7,
              endLine: 1,
              endColumn: 14,
              message:
                'the project name "My Shop" is invalid: compose accepts only lower-case letters, digits, "-" and "_", starting with a letter or digit; for example "my-shop"',
            },
          ],
        },
      ],
    });
  });

  it('accepts lower-case letters, digits, dashes and underscores', async () => {
    await new RuleTester(projectNameValid).run({ valid: ['name: my-shop_2\nservices:\n  web:\n    image: nginx:1.27\n'] });
  });
});
