import { describe, it } from 'vitest';
import databaseDurability from '../../../rules/compose/database-durability.js';
import { RuleTester } from '../../../src/testing.js';

const RULE = 'compose/database-durability';
const layeredBase = '(in the base file of a layered project, which is what production runs)';

describe(RULE, () => {
  it('reports PostgreSQL durability switched off in the base file production runs, at the setting', async () => {
    await new RuleTester(databaseDurability).run({
      invalid: [
        {
          filename: 'docker-compose.yml',
          code: [
            'services:',
            '  postgres:',
            '    image: postgres:16.4',
            '    command: >',
            '      postgres',
            '      -c fsync=off',
            '      -c synchronous_commit=off',
            '      -c full_page_writes=on',
            '    volumes:',
            '      - postgres_data:/var/lib/postgresql/data',
            'volumes:',
            '  postgres_data:',
            '',
          ].join('\n'),
          files: { 'docker-compose.test.yml': 'services:\n  postgres:\n    ports:\n      - "127.0.0.1:5434:5432"\n' },
          errors: [
            {
              line: 6,
              column: 10,
              endLine: 6,
              endColumn: 19,
              message: `service "postgres" runs PostgreSQL with fsync=off in production: a crash or power loss can corrupt the whole database; keep that for throwaway test databases ${layeredBase}`,
            },
            {
              line: 7,
              column: 10,
              endLine: 7,
              endColumn: 32,
              message: `service "postgres" runs PostgreSQL with synchronous_commit=off in production: a crash loses the last transactions it reported as committed; keep that for throwaway test databases ${layeredBase}`,
            },
          ],
        },
      ],
    });
  });

  it('reports a production environment: a list-form setting, and a Redis with a data volume but no persistence', async () => {
    await new RuleTester(databaseDurability).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  cache:',
            '    image: redis:7.4-alpine',
            '    command: ["redis-server", "--save", "", "--appendonly", "no"]',
            '    volumes:',
            '      - redis_data:/data',
            '  sessions:',
            '    image: redis:7.4-alpine',
            '    command: redis-server --save "" --maxmemory 256mb   # a cache: no volume',
            '  db:',
            '    image: postgres:16.4',
            'volumes:',
            '  redis_data:',
            '',
          ].join('\n'),
          files: { 'compose.prod.yaml': 'services:\n  db:\n    command: ["postgres", "-c", "full_page_writes=false", "-csynchronous_commit=local"]\n' },
          errors: [
            {
              file: 'compose.prod.yaml',
              line: 3,
              column: 33,
              endLine: 3,
              endColumn: 57,
              message:
                'service "db" runs PostgreSQL with full_page_writes=false in production: a crash can leave torn pages the database cannot recover; keep that for throwaway test databases',
            },
            {
              line: 4,
              column: 45,
              endLine: 4,
              endColumn: 59,
              message:
                'service "cache" runs Redis with neither snapshots (--save "") nor an append-only file in production, yet keeps a volume at /data: everything is lost at every restart; set --appendonly yes or a --save schedule, or drop the volume if it is a cache (in the "prod" environment: compose.yaml + compose.prod.yaml)',
            },
          ],
        },
      ],
    });
  });

  it("accepts the guide's test override that trades durability for speed, and durable production settings", async () => {
    await new RuleTester(databaseDurability).run({
      valid: [
        {
          filename: 'docker-compose.yml',
          code: [
            'services:',
            '  postgres:',
            '    image: postgres:16.4',
            '    volumes:',
            '      - postgres_data:/var/lib/postgresql/data',
            '  redis:',
            '    image: redis:7.4-alpine',
            '    command: redis-server --save 60 1 --appendonly yes',
            '    volumes:',
            '      - redis_data:/data',
            'volumes:',
            '  postgres_data:',
            '  redis_data:',
            '',
          ].join('\n'),
          files: {
            // Testing overrides: an in-memory database, tuned for speed.
            'docker-compose.test.yml': [
              'services:',
              '  postgres:',
              '    tmpfs:',
              '      - /tmp/postgres  # In-memory storage',
              '    command: >',
              '      postgres',
              '      -c fsync=off',
              '      -c synchronous_commit=off',
              '      -c full_page_writes=off',
              '  redis:',
              '    command: redis-server --save "" --appendonly no',
              '',
            ].join('\n'),
          },
        },
      ],
    });
  });
});
