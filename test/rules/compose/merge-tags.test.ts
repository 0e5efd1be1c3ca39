import { describe, it } from 'vitest';
import mergeTags from '../../../rules/compose/merge-tags.js';
import { RuleTester } from '../../../src/testing.js';

const ignoredValue = (key: string) => `${key} is tagged !reset, so the value written after the tag is ignored; write "!reset null" (or [] / {}) to make that clear`;

describe('compose/merge-tags', () => {
  it('reports ignored !reset values, pointless !override, unknown tags and tags in a base file', async () => {
    await new RuleTester(mergeTags).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  web:\n    image: nginx:1.27\n    ports: !reset ["8080:80"]\n    command: !rest ["nginx"]\n  api:\n    image: shop/api:2.0.1\n    environment: !reset {}\n',
          files: { 'compose.override.yaml': 'services:\n  web:\n    image: !override nginx:1.26\n    environment: !reset\n      LOG_LEVEL: debug\n' },
          errors: [
            {
              file: 'compose.override.yaml',
              line: 3,
              column: 5,
              endLine: 3,
              endColumn: 10,
              message: "services.web.image is tagged !override, which changes nothing for a single value (a later file's value always replaces it)",
            },
            { file: 'compose.override.yaml', line: 4, column: 5, endLine: 4, endColumn: 16, message: ignoredValue('services.web.environment') },
            { line: 4, column: 5, endLine: 4, endColumn: 10, message: ignoredValue('services.web.ports') },
            { line: 5, column: 5, endLine: 5, endColumn: 12, message: 'services.web.command has the tag "!rest", which compose does not know; only !reset and !override have a meaning' },
            { line: 8, column: 5, endLine: 8, endColumn: 16, message: 'services.api.environment is tagged !reset in the base file, where there is nothing to reset: it only removes the key' },
          ],
        },
      ],
    });
  });

  it('accepts the tags in an override and in a service that extends another', async () => {
    await new RuleTester(mergeTags).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: 'x-base: &base\n  image: shop/base:1.0.0\n  ports: ["8080:80"]\nservices:\n  base:\n    <<: *base\n  web:\n    extends: base\n    ports: !reset []        # removes what extends brings in\n',
          files: { 'compose.override.yaml': 'services:\n  web:\n    ports: !override\n      - "9090:80"\n    environment: !reset null\n' },
        },
      ],
    });
  });

  it('accepts !override in a base file on a service an included file defines too (it is merged onto that one)', async () => {
    await new RuleTester(mergeTags).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: 'include:\n  - services/postgres.yaml\nservices:\n  db:\n    volumes: !override\n      - db-dev-data:/var/lib/postgresql/data/\nvolumes:\n  db-dev-data:\n',
          files: { 'services/postgres.yaml': 'services:\n  db:\n    image: postgres:15-alpine\n    volumes:\n      - db-data:/var/lib/postgresql/data/\nvolumes:\n  db-data:\n' },
        },
      ],
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'include:\n  - services/postgres.yaml\nservices:\n  web:\n    image: shop/web:1.0.0\n    volumes: !override\n      - ./src:/app\n',
          files: { 'services/postgres.yaml': 'services:\n  db:\n    image: postgres:15-alpine\n' },
          errors: [{ line: 6, column: 5, message: 'services.web.volumes is tagged !override in the base file, where there is nothing to override' }],
        },
      ],
    });
  });
});
