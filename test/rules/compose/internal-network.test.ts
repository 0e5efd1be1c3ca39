import { describe, expect, it } from 'vitest';
import internalNetwork from '../../../rules/compose/internal-network.js';
import { RuleTester } from '../../../src/testing.js';

/** A database image of the project's own, next to a well-known one. */
const ledger = 'services:\n  ledger:\n    image: registry.example.com/acme/ledger-db:3.2.0\n    ports:\n      - "7000:7000"\n  postgres:\n    image: postgres:15-alpine\n    ports:\n      - "5432:5432"\n';

describe('compose/internal-network', () => {
  it('is off in the recommended preset', () => {
    expect(internalNetwork.meta.recommended).toBe(false);
  });

  it('reports data services that publish ports while on a network that is not internal, at the published port', async () => {
    await new RuleTester(internalNetwork).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  api:',
            '    image: acme/api:1.0.0',
            '    networks: [frontend, backend]',
            '  postgres:',
            '    image: postgres:15-alpine',
            '    ports:',
            '      - "5432:5432"',
            '    networks:',
            '      - backend',
            '  redis:',
            '    image: redis:7-alpine',
            '    ports:',
            '      - 127.0.0.1:6379:6379',
            '  search:',
            '    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0',
            '    ports:',
            '      - target: 9200',
            '        published: 9200',
            '    networks:',
            '      backend: {}',
            '      frontend: {}',
            'networks:',
            '  frontend:',
            '  backend:',
            '    driver: bridge',
            '',
          ].join('\n'),
          errors: [
            {
              line: 8,
              column: 9,
              endLine: 8,
              endColumn: 20,
              message:
                'service "postgres" runs postgres and publishes 5432 while on "backend", which is not internal; attach it only to internal: true networks and let other services reach it there (use expose, not ports)',
            },
            { line: 14, column: 9, endLine: 14, endColumn: 28, message: /^service "redis" runs redis and publishes 6379 while on "default", which is not internal/ },
            { line: 19, column: 20, endLine: 19, endColumn: 24, message: /^service "search" runs elasticsearch and publishes 9200 while on "backend", "frontend", which are not internal/ },
          ],
        },
      ],
    });
  });

  it("accepts the seed's internal backend network and data services that publish nothing", async () => {
    await new RuleTester(internalNetwork).run({
      valid: [
        [
          'services:',
          '  orchesity-api:',
          '    image: acme/api:1.0.0',
          '    ports:',
          '      - "8000:8000"',
          '    networks:',
          '      - frontend',
          '      - backend',
          '  postgres:',
          '    image: postgres:15-alpine',
          '    networks:',
          '      - backend',
          '  redis:',
          '    image: redis:7-alpine',
          '    expose:',
          '      - 6379',
          '  cache:',
          '    image: valkey/valkey:8.0',
          '    ports:',
          '      - "6380:6379"',
          '    networks:',
          '      - database-network',
          'networks:',
          '  frontend:',
          '    driver: bridge',
          '  backend:',
          '    driver: bridge',
          '    internal: true',
          '  database-network:',
          '    driver: bridge',
          '    internal: true',
          '',
        ].join('\n'),
      ],
    });
  });

  it('takes the list of data-service images from settings.dataServiceImages', async () => {
    await new RuleTester(internalNetwork).run({
      invalid: [
        { filename: 'compose.yaml', code: ledger, errors: [{ line: 9, column: 9, endLine: 9, endColumn: 20, message: /^service "postgres" runs postgres and publishes 5432/ }] },
        {
          filename: 'compose.yaml',
          code: ledger,
          settings: { dataServiceImages: ['ledger-db'] },
          errors: [{ line: 5, column: 9, endLine: 5, endColumn: 20, message: /^service "ledger" runs ledger-db and publishes 7000/ }],
        },
      ],
    });
  });
});
