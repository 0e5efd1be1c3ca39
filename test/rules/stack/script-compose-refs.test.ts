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

  it('counts the services and profiles of an override a script links into place, for a plain call in that folder', async () => {
    // A project switched between environments by a script that links one override into docker-compose.override.yml.
    const files = {
      'docker-compose.yml': 'services:\n  uwsgi:\n    image: acme/django:1.0.0\n',
      'docker-compose.override.dev.yml': 'services:\n  integration-tests:\n    image: acme/integration-tests:1.0.0\n    profiles: [integration]\n',
      'docker/setEnv.sh': '#!/bin/bash\nset -e\ncd "${0%/*}/.."\nrm -f docker-compose.override.yml\nln -s docker-compose.override.dev.yml docker-compose.override.yml\n',
    };
    const code = (service: string) => `#!/bin/bash\n# Requires dev mode (./docker/setEnv.sh dev)\nset -e\ndocker compose --profile integration run --rm ${service}\n`;
    await tester.run({
      valid: [{ filename: 'run-integration-test-dev.sh', code: code('integration-tests'), files }],
      invalid: [
        {
          filename: 'run-integration-test-dev.sh',
          code: code('integration-test'),
          files,
          errors: [{ line: 4, column: 47, message: 'docker compose run names the service "integration-test", which docker-compose.yml does not define; did you mean "integration-tests"?' }],
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
