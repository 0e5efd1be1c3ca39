import { describe, it } from 'vitest';
import rule from '../../../rules/shell/destructive-docker.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);
const GUARD = 'run it only behind a guard (a confirmation prompt, a --force option, an if) or suppress this line with a reason';
const DOWN_V = (cmd: string) => `"${cmd} down -v" deletes the named volumes of the project and the data in them; ${GUARD}`;
const DEV_RESET = 'docker compose -f docker-compose.dev.yml down -v\ndocker compose -f docker-compose.dev.yml up -d --wait\n';

describe('shell/destructive-docker', () => {
  it('reports volume deletion and system prune that run unconditionally', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'reset.sh',
          code: [
            '#!/bin/sh',
            'set -e',
            '# Clean up (removes volumes - data will be lost!)',
            'docker compose down -v',
            '# Free disk space',
            'docker system prune -f',
            '# Start over',
            'docker-compose down -v && docker-compose up -d',
            'docker volume rm depot_postgres-data',
            'docker volume prune --all --force',
            '',
          ].join('\n'),
          errors: [
            { line: 4, column: 21, endLine: 4, endColumn: 23, message: DOWN_V('docker compose') },
            {
              line: 6,
              column: 8,
              endLine: 6,
              endColumn: 20,
              message: `"docker system prune" deletes every stopped container, unused network, dangling image and the build cache on the host; ${GUARD}`,
            },
            { line: 8, column: 21, endLine: 8, endColumn: 23, message: DOWN_V('docker-compose') },
            { line: 9, column: 8, endLine: 9, endColumn: 17, message: `"docker volume rm" deletes the volumes and the data in them; ${GUARD}` },
            { line: 10, column: 8, endLine: 10, endColumn: 20, message: `"docker volume prune" deletes every unused volume and their data; ${GUARD}` },
          ],
        },
      ],
    });
  });

  it('accepts the same commands under if, case, && and ||, and commands that keep data', async () => {
    await tester.run({
      valid: [
        {
          filename: 'reset.sh',
          code: [
            '#!/bin/sh',
            'set -e',
            'docker compose down',
            'docker volume ls',
            'if [ "${1:-}" = "--wipe" ]; then',
            '  docker compose down --volumes',
            'fi',
            '[ "${FORCE:-no}" = yes ] && docker system prune -af',
            'case "${1:-}" in',
            '  purge) docker volume rm shop_data ;;',
            'esac',
            'docker image prune -f',
            '',
          ].join('\n'),
        },
      ],
    });
  });

  it('is silenced by a suppression comment with a reason', async () => {
    await tester.run({
      valid: [
        {
          filename: 'dev-reset.sh',
          code: `#!/bin/sh\nset -e\n# stack-lint-disable-next-line shell/destructive-docker -- dev-only reset, data is seeded again below\n${DEV_RESET}`,
        },
      ],
      invalid: [{ filename: 'dev-reset.sh', code: `#!/bin/sh\nset -e\n${DEV_RESET}`, errors: [{ line: 3, column: 47, endColumn: 49, message: DOWN_V('docker compose') }] }],
    });
  });
});
