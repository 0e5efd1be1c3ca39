import { describe, it } from 'vitest';
import rule from '../../../rules/stack/script-scale-conflicts.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('stack/script-scale-conflicts', () => {
  it('reports --scale on a service with a container_name or fewer host ports than containers, at the --scale value', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'deploy.sh',
          code: [
            '#!/bin/sh',
            'set -eu',
            '# Scale backend to 3 instances',
            'docker-compose up -d --scale backend=3',
            'docker compose up -d --scale worker=3 worker',
            '',
          ].join('\n'),
          files: {
            'docker-compose.yml': [
              'services:',
              '  backend:',
              '    image: loc8/backend:1.4.0',
              '    container_name: loc8-backend',
              '    ports:',
              '      - "127.0.0.1:8000:8000"',
              '  worker:',
              '    image: loc8/worker:1.4.0',
              '    ports:',
              '      - "127.0.0.1:9100-9101:9100"',
              '',
            ].join('\n'),
          },
          errors: [
            {
              line: 4,
              column: 30,
              endLine: 4,
              endColumn: 39,
              message:
                'docker-compose up --scale backend=3 starts 3 containers of "backend", but it publishes host port 8000 (docker-compose.yml:6), which only one container can bind; publish a range of 3 ports or only the container port',
            },
            {
              line: 4,
              column: 30,
              endLine: 4,
              endColumn: 39,
              message:
                'docker-compose up --scale backend=3 starts 3 containers of "backend", but it sets container_name (docker-compose.yml:4), and container names are unique: only one can start',
            },
            {
              line: 5,
              column: 30,
              endLine: 5,
              endColumn: 38,
              message:
                'docker compose up --scale worker=3 starts 3 containers of "worker", but it publishes host port 9100-9101 (docker-compose.yml:10), which only 2 containers can bind; publish a range of 3 ports or only the container port',
            },
          ],
        },
      ],
    });
  });

  it('accepts services without fixed names or ports, enough ports, a scale of one and counts it cannot read', async () => {
    await tester.run({
      valid: [
        {
          filename: 'deploy.sh',
          code: [
            '#!/bin/sh',
            'set -eu',
            '# Nginx load-balances across the backend instances; the worker runs once.',
            'docker compose up -d --scale backend=3 --scale worker=1',
            'docker compose up -d --scale "nginx=${NGINX_COUNT}"',
            'docker compose run --rm backend ./manage.py migrate',
            '',
          ].join('\n'),
          files: {
            'docker-compose.yml': [
              'services:',
              '  backend:',
              '    image: loc8/backend:1.4.0',
              '    expose:',
              '      - "8000"',
              '  worker:',
              '    image: loc8/worker:1.4.0',
              '    container_name: loc8-worker',
              '    ports:',
              '      - "127.0.0.1:9100-9102:9100"',
              '      - "9200"',
              '  nginx:',
              '    image: nginx:1.27',
              '    ports:',
              '      - "80:80"',
              '',
            ].join('\n'),
          },
        },
      ],
    });
  });
});
