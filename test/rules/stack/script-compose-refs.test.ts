import { describe, it } from 'vitest';
import rule from '../../../rules/stack/script-compose-refs.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);
/** The test environment of the DeadTrees container guide. */
const DEADTREES = [
  '# Development and testing environment (after the DeadTrees container guide)',
  'services:',
  '  api-test:',
  '    image: deadtrees/api:0.9.0',
  '    ports:',
  '      - "8017:8000"',
  '  processor-test:',
  '    image: deadtrees/processor:0.9.0',
  '    profiles: [gpu]',
  '  nginx:',
  '    image: nginx:1.27',
  '    ports:',
  '      - "8080:80"',
  '  tests:',
  '    image: deadtrees/tests:0.9.0',
  '    profiles: [test]',
  '',
].join('\n');
const COMPOSE_FILE = {
  '.env': '# docker compose here runs both files\nCOMPOSE_FILE=compose.yaml:compose.jobs.yaml\n',
  'compose.jobs.yaml': 'services:\n  worker:\n    image: shop/worker:1.0.3\n',
  'compose.yaml': 'services:\n  web:\n    image: shop/web:1.0.3\n',
};

describe('stack/script-compose-refs', () => {
  it('reports a misspelt service of the files COMPOSE_FILE in the folder\'s .env names (no -f), at the service word', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'start.sh',
          code: '#!/bin/sh\nset -eu\ndocker compose up -d web wroker\n',
          files: COMPOSE_FILE,
          errors: [
            {
              line: 3,
              column: 26,
              endLine: 3,
              endColumn: 32,
              message: 'docker compose up names the service "wroker", which compose.yaml + compose.jobs.yaml do not define; did you mean "worker"?',
            },
          ],
        },
      ],
    });
  });

  it('reports a misspelt service, a compose file that does not exist and a profile no service has, also when only the script is linted', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'scripts/dev.sh',
          code: [
            '#!/bin/bash',
            'set -euo pipefail',
            '# View running containers, then logs, of the test environment',
            'docker-compose -f docker-compose.test.yaml ps',
            'docker-compose -f docker-compose.test.yaml logs api-tset',
            'docker compose -f docker-compose.tests.yaml up -d',
            'docker compose -f docker-compose.test.yaml --profile gpus up -d processor-test',
            'docker compose -f docker-compose.test.yaml exec -u root nginxx nginx -t',
            '',
          ].join('\n'),
          files: { '../docker-compose.test.yaml': DEADTREES },
          errors: [
            {
              line: 5,
              column: 49,
              endLine: 5,
              endColumn: 57,
              message: 'docker-compose logs names the service "api-tset", which docker-compose.test.yaml does not define; did you mean "api-test"?',
            },
            {
              line: 6,
              column: 19,
              endLine: 6,
              endColumn: 44,
              message:
                'docker compose -f names "docker-compose.tests.yaml", which does not exist next to the script or in the folders above it; did you mean "docker-compose.test.yaml"?',
            },
            {
              line: 7,
              column: 54,
              endLine: 7,
              endColumn: 58,
              message: 'docker compose --profile "gpus" enables nothing: no service of docker-compose.test.yaml is in that profile; did you mean "gpu"?',
            },
            {
              line: 8,
              column: 57,
              endLine: 8,
              endColumn: 63,
              message: 'docker compose exec names the service "nginxx", which docker-compose.test.yaml does not define; did you mean "nginx"?',
            },
          ],
        },
      ],
    });
  });

  it('accepts services after options, the default project with its override or the files of COMPOSE_FILE, dynamic names and options it cannot read', async () => {
    await tester.run({
      valid: [
        {
          filename: 'start.sh',
          code: '#!/bin/sh\nset -eu\n# worker is defined by compose.jobs.yaml, which COMPOSE_FILE in .env adds\ndocker compose up -d web worker\n',
          files: COMPOSE_FILE,
        },
        {
          filename: 'scripts/dev.sh',
          code: [
            '#!/bin/bash',
            'set -euo pipefail',
            'cd "$(dirname "$0")/.."',
            'docker-compose -f docker-compose.test.yaml ps',
            'docker-compose -f docker-compose.test.yaml logs --tail 100 -f api-test',
            'docker compose -f docker-compose.test.yaml exec -u root api-test bash',
            'docker compose -f docker-compose.test.yaml --profile gpu up -d --build processor-test nginx',
            'docker compose -f docker-compose.test.yaml --profile test run --rm -e CI=1 tests pytest -x',
            'docker compose -f docker-compose.test.yaml restart -t 5 nginx',
            'docker compose -f docker-compose.test.yaml stop "$SERVICE"',
            'docker compose -f "$COMPOSE_FILE" logs anything',
            'docker compose -f docker-compose.test.yaml logs --unknown-option value',
            'envsubst < deploy/compose.tpl.yaml > docker-compose.gen.yaml',
            'docker compose -f docker-compose.gen.yaml up -d',
            '',
          ].join('\n'),
          files: { '../docker-compose.test.yaml': DEADTREES },
        },
        {
          filename: 'deploy.sh',
          code: [
            '#!/bin/sh',
            'set -eu',
            'docker compose up -d web db adminer',
            'docker compose logs -f --since 10m web',
            'docker compose run --rm --entrypoint sh web -c \'echo ok\'',
            '',
          ].join('\n'),
          files: {
            'ci.sh': [
              '#!/bin/sh',
              'set -eu',
              '# Runs in CI, where the checkout is elsewhere',
              'cd /home/runner/work/shop/shop',
              'docker compose -f docker-compose.ci.yml up -d',
              '',
            ].join('\n'),
            'compose.override.yaml': 'services:\n  adminer:\n    image: adminer:4.8.1\n',
            'compose.yaml': 'services:\n  web:\n    image: shop/web:1.0.3\n  db:\n    image: postgres:16.4\n',
          },
        },
      ],
    });
  });
});
