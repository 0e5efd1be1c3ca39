import { describe, it } from 'vitest';
import composeInclude from '../../../rules/compose/include.js';
import references from '../../../rules/compose/references.js';
import { RuleTester } from '../../../src/testing.js';

/** Two files included at once (merged), a remote include, and resources the included files define. */
const good = {
  filename: 'compose.yaml',
  code: [
    'include:',
    '  - ./db/compose.yaml',
    '  - path:',
    '      - ./cache/compose.yaml',
    '      - ./cache/local.yaml',
    '  - oci://registry.example.com/shared/monitoring:1.0',
    'services:',
    '  web:',
    '    image: nginx:1.27',
    '    depends_on: [db, cache]',
    '    networks: [back]',
    '',
  ].join('\n'),
  files: {
    'db/compose.yaml': 'services:\n  db:\n    image: postgres:16.4\n    networks: [back]\nnetworks:\n  back:\n',
    'cache/compose.yaml': 'services:\n  cache:\n    image: redis:7.4\n',
    'cache/local.yaml': 'services:\n  cache:\n    ports: ["127.0.0.1:6379:6379"]\n',
  },
};

describe('compose/include', () => {
  it('reports missing files and cycles', async () => {
    await new RuleTester(composeInclude).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'include:\n  - ./db/compose.yaml\n  - ./missing/compose.yaml\n  - path: ./loop.yaml\nservices:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n',
          files: {
            'db/compose.yaml': 'services:\n  db:\n    image: postgres:16.4\n',
            'loop.yaml': 'include:\n  - ./compose.yaml\nservices:\n  loop:\n    image: busybox:1.37\n',
          },
          errors: [
            { line: 3, column: 5, endLine: 3, endColumn: 27, message: 'include names "missing/compose.yaml", which does not exist' },
            { line: 4, column: 11, endLine: 4, endColumn: 22, message: 'include forms a cycle: compose.yaml → loop.yaml → compose.yaml' },
            // loop.yaml is compose because compose.yaml includes it: its half of the cycle is reported where it is written.
            { file: 'loop.yaml', line: 2, column: 5, endLine: 2, endColumn: 19, message: 'include forms a cycle: compose.yaml → loop.yaml → compose.yaml' },
          ],
        },
      ],
    });
  });

  it('accepts included files (merged when several), their resources, and remote includes', async () => {
    await new RuleTester(composeInclude).run({ valid: [good] });
  });

  it('accepts a local definition of an included service: current Compose merges it onto the included one', async () => {
    // The shape of a project whose compose file includes shared service files and adds ports and settings locally.
    await new RuleTester(composeInclude).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: 'include:\n  - services/postgres.yaml\n  - services/redis.yaml\nservices:\n  db:\n    ports:\n      - "5432:5432"\n  cache:\n    volumes:\n      - ./redis.conf:/usr/local/etc/redis/redis.conf\nvolumes:\n  db-data:\n',
          files: {
            'services/postgres.yaml': 'services:\n  db:\n    image: postgres:15-alpine\n    volumes:\n      - db-data:/var/lib/postgresql/data/\nvolumes:\n  db-data:\n',
            'services/redis.yaml': 'services:\n  cache:\n    image: redis:7.4\n',
          },
        },
      ],
    });
  });

  it('counts the included services and networks as those of the project', async () => {
    await new RuleTester(references).run({ valid: [good] });
  });
});
