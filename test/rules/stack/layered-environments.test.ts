import { describe, it } from 'vitest';
import rule from '../../../rules/stack/layered-environments.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('stack/layered-environments', () => {
  it('reports services an override configures that its base does not define, in named environments, as warnings', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  api:\n    image: shop/api:1.4.2\n  db:\n    image: postgres:16.4\n',
          files: {
            'compose.override.yaml': '# Local development: publish the API\nservices:\n  apii:\n    ports:\n      - "8000:8000"\n',
            'compose.prod.yaml': 'services:\n  api:\n    restart: always\n  worker:\n    deploy:\n      replicas: 3\n',
          },
          errors: [
            {
              file: 'compose.override.yaml',
              line: 3,
              column: 3,
              endLine: 3,
              endColumn: 7,
              message: 'compose.override.yaml configures service "apii", which compose.yaml does not define, and gives it no image or build of its own; did you mean "api"?',
              severity: 'warning',
            },
            {
              file: 'compose.prod.yaml',
              line: 4,
              column: 3,
              endLine: 4,
              endColumn: 9,
              message: 'compose.prod.yaml configures service "worker", which compose.yaml does not define, and gives it no image or build of its own',
            },
          ],
        },
      ],
    });
  });

  it('reports them in the layers scripts use', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'docker-compose.ci.yml',
          code: [
            '# CI: layered on base + test by scripts/ci.sh',
            'services:',
            '  tests:',
            '    environment:',
            '      CI: "true"',
            '  test-runner:',
            '    environment:',
            '      CI: "true"',
            '',
          ].join('\n'),
          files: {
            'docker-compose.test.yml': 'services:\n  tests:\n    image: ichrisbirch/tests:2.3.0\n',
            'docker-compose.yml': 'services:\n  api:\n    image: ichrisbirch/api:2.3.0\n',
            'scripts/ci.sh': [
              '#!/bin/sh',
              'set -eu',
              'cd "$(dirname "$0")/.."',
              'docker compose -f docker-compose.yml -f docker-compose.test.yml -f docker-compose.ci.yml up -d',
              '',
            ].join('\n'),
          },
          errors: [
            {
              line: 6,
              column: 3,
              endLine: 6,
              endColumn: 14,
              message: 'docker-compose.ci.yml configures service "test-runner", which docker-compose.yml + docker-compose.test.yml do not define, and gives it no image or build of its own',
            },
          ],
        },
      ],
    });
  });

  it('accepts overrides that add complete services or extend base ones', async () => {
    await tester.run({
      valid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  api:\n    image: shop/api:1.4.2\n',
          files: {
            'compose.dev.yaml': [
              'services:',
              '  docs:',
              '    extends:',
              '      file: compose.yaml',
              '      service: api',
              '    command: ["mkdocs", "serve"]',
              '',
            ].join('\n'),
            'compose.override.yaml': [
              'services:',
              '  api:',
              '    ports:',
              '      - "8000:8000"',
              '  adminer:',
              '    image: adminer:4.8.1',
              '    ports:',
              '      - "8081:8080"',
              '',
            ].join('\n'),
          },
        },
      ],
    });
  });
});
