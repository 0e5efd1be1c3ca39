import { describe, it } from 'vitest';
import noDuplicateKeys from '../../../rules/compose/no-duplicate-keys.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/no-duplicate-keys', () => {
  it('reports keys written twice and variables set twice in list form, at the second one', async () => {
    await new RuleTester(noDuplicateKeys).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  web:',
            '    image: nginx:1.27',
            '    ports: ["8080:80"]',
            '    image: nginx:1.26',
            '    environment:',
            '      - LOG_LEVEL=info',
            '      - PORT=80',
            '      - LOG_LEVEL=debug',
            '  db:',
            '    image: postgres:16.4',
            '  db:',
            '    image: postgres:15',
            '',
          ].join('\n'),
          errors: [
            { line: 5, column: 5, endLine: 5, endColumn: 10, message: 'key "image" is written twice in services.web (first on line 3); docker compose refuses the file' },
            { line: 9, column: 9, endLine: 9, endColumn: 18, message: 'services.web.environment sets "LOG_LEVEL" twice (first on line 7); compose keeps only the last value' },
            { line: 12, column: 3, endLine: 12, endColumn: 5, message: 'key "db" is written twice in services (first on line 10); docker compose refuses the file' },
          ],
        },
      ],
    });
  });

  it('accepts a key that overrides one a merge key brings in', async () => {
    await new RuleTester(noDuplicateKeys).run({
      valid: [
        'x-base: &base\n  image: nginx:1.27\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx:1.26          # overrides the merged key: not a duplicate\n    environment:\n      LOG_LEVEL: info\n  api:\n    <<: *base\n    labels: ["tier=api", "team=shop"]\n',
      ],
    });
  });
});
