import { describe, expect, it } from 'vitest';
import portsLoopback from '../../../rules/compose/ports-loopback.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/ports-loopback', () => {
  it('is off in the recommended preset', () => {
    expect(portsLoopback.meta.recommended).toBe(false);
  });

  it('reports data-service ports published on every interface, in every syntax, and binds each to 127.0.0.1 (unsafe: other hosts lose access)', async () => {
    await new RuleTester(portsLoopback).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  postgres:
    image: postgres:15-alpine
    ports:
      - "5432:5432"
  redis:
    image: redis:7-alpine
    ports:
      - 6379:6379
      - 0.0.0.0:6380:6380
  mongo:
    image: mongo:7.0
    ports:
      - 27017
      - target: 27018
        published: "27018"
      - target: 27019
        host_ip: 0.0.0.0
  mysql:
    image: mysql:8.4
    ports:
      - "\${MYSQL_PORT:-3306}:3306"
`,
          errors: [
            {
              line: 5,
              column: 9,
              endLine: 5,
              endColumn: 20,
              message:
                'service "postgres" runs postgres and publishes port 5432 on every interface, so anything that can reach the host can reach it; bind it to 127.0.0.1 (or another explicit address)',
            },
            { line: 9, column: 9, endLine: 9, endColumn: 18 },
            { line: 10, column: 9, endLine: 10, endColumn: 26 },
            { line: 14, column: 9, endLine: 14, endColumn: 14, message: /publishes container port 27017 \(on a random host port\) on every interface/ },
            { line: 16, column: 20, endLine: 16, endColumn: 27 },
            { line: 18, column: 18, endLine: 18, endColumn: 25 },
            { line: 22, column: 9, endLine: 22, endColumn: 35 },
          ],
          output: `services:
  postgres:
    image: postgres:15-alpine
    ports:
      - "127.0.0.1:5432:5432"
  redis:
    image: redis:7-alpine
    ports:
      - 127.0.0.1:6379:6379
      - 127.0.0.1:6380:6380
  mongo:
    image: mongo:7.0
    ports:
      - "127.0.0.1::27017"
      - target: 27018
        published: "27018"
        host_ip: 127.0.0.1
      - target: 27019
        host_ip: 127.0.0.1
  mysql:
    image: mysql:8.4
    ports:
      - "127.0.0.1:\${MYSQL_PORT:-3306}:3306"
`,
        },
      ],
    });
    expect(portsLoopback.meta.fix).toBe('unsafe');
  });

  it('accepts loopback and explicit addresses (also as ${VAR:-127.0.0.1}), unknown addresses and other services', async () => {
    await new RuleTester(portsLoopback).run({
      valid: [
        `services:
  api:
    image: acme/api:1.0.0
    ports:
      - 127.0.0.1:40831:40831
      - "8000:8000"
  postgres:
    image: postgres:15-alpine
    ports:
      - "\${BIND:-127.0.0.1}:5432:5432"
  redis:
    image: redis:7-alpine
    ports:
      - "[::1]:6379:6379"
  mongo:
    image: mongo:7.0
    ports:
      - target: 27017
        published: 27017
        host_ip: 127.0.0.1
  mysql:
    image: mysql:8.4
    ports:
      - "\${DB_ADDR}:3306:3306"
`,
      ],
    });
  });

  it('with all: true, reports every service', async () => {
    await new RuleTester(portsLoopback).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  nginx:
    image: nginx:1.27
    ports:
      - 80:80
      - "10.0.0.5:443:443"
`,
          options: { all: true },
          errors: [{ line: 5, column: 9, endLine: 5, endColumn: 14, message: /^service "nginx" publishes port 80 on every interface/ }],
          output: `services:
  nginx:
    image: nginx:1.27
    ports:
      - 127.0.0.1:80:80
      - "10.0.0.5:443:443"
`,
        },
      ],
    });
  });
});
