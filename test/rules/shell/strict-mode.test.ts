import { describe, expect, it } from 'vitest';
import strictMode from '../../../rules/shell/strict-mode.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(strictMode);
const NEVER = 'the script never sets -e, so a failing command does not stop it';
const preDeployBackup = (setE: string[]) =>
  [
    '#!/bin/bash',
    ...setE,
    '# pre-deploy-backup.sh',
    '',
    '# Backup database',
    'docker exec orchesity-postgres-1 pg_dump -U orchesity_user orchesity_db | gzip > "backup-$(date +%Y%m%d-%H%M%S).sql.gz"',
    '',
    '# Backup Redis (if needed)',
    'docker exec orchesity-redis-1 redis-cli BGSAVE',
    '',
    '# Create application snapshot',
    'docker commit orchesity-api-1 orchesity-api:backup-$(date +%Y%m%d-%H%M%S)',
    '',
  ].join('\n');

describe('shell/strict-mode', () => {
  it('is off in the recommended preset, and its fix is unsafe', () => {
    expect(strictMode.meta.recommended).toBe(false);
    expect(strictMode.meta.fix).toBe('unsafe');
  });

  it('reports scripts that never set -e, and commands that run before it; the fix inserts set -e after the shebang', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'late.sh',
          code: '#!/bin/sh\nexport PATH="/usr/local/bin:$PATH"\ncd /srv/app\nset -eu\n./deploy\n',
          errors: [{ line: 3, column: 1, endLine: 3, endColumn: 3, message: '"cd" runs before set -e, so its failure goes unnoticed' }],
        },
        {
          filename: 'no-shebang.sh',
          code: 'echo "building"\nmake all\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 16, message: NEVER }],
          output: 'set -e\necho "building"\nmake all\n',
        },
        {
          filename: 'pre-deploy-backup.sh',
          code: preDeployBackup([]),
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 12, message: NEVER }],
          output: preDeployBackup(['set -eo pipefail']),
        },
      ],
    });
  });

  it('accepts set -Eeuo pipefail, #!/bin/bash -e, set -o errexit and function libraries', async () => {
    await tester.run({
      valid: [
        { filename: 'errexit.sh', code: '#!/bin/sh\nset -o errexit\nset -o nounset\necho ok\n' },
        { filename: 'functions.sh', code: '# Helpers sourced by the other scripts: nothing runs here.\nlog() {\n  echo "[$(date)] $*" >&2\n}\ndie() {\n  log "$@"\n  exit 1\n}\n' },
        { filename: 'shebang-flag.sh', code: '#!/bin/bash -e\ndocker compose pull\n' },
        { filename: 'strict.sh', code: '#!/usr/bin/env bash\n# Deploys the stack.\nset -Eeuo pipefail\ncd "$(dirname "$0")"\ndocker compose up -d --wait\n' },
      ],
    });
  });

  it('leaves a file without shebang that another script sources to its caller', async () => {
    // two commands, so that the file alone is reported (a script that runs one command is not)
    const env = '# env.sh: sourced by run.sh, so it runs under run.sh\'s set -e\nexport APP_ENV="${APP_ENV:-dev}"\nmkdir -p "/tmp/$APP_ENV"\ncp defaults.env "/tmp/$APP_ENV/"\n';
    await tester.run({
      valid: [{ filename: 'env.sh', code: env, files: { 'run.sh': '#!/bin/sh\nset -eu\n. ./env.sh\necho "running in $APP_ENV"\n' } }],
      invalid: [{ filename: 'env.sh', code: env, name: 'nothing sources it', errors: [{ line: 3, column: 1, message: NEVER }], output: `set -e\n${env}` }],
    });
  });

  it('with pipefail, asks bash scripts for -o pipefail', async () => {
    await tester.run({
      invalid: [{ filename: 'shebang-flag.sh', code: '#!/bin/bash -e\ndocker compose pull\n', options: { pipefail: true }, errors: [{ line: 1, column: 1, endLine: 1, endColumn: 15 }] }],
    });
  });

  it('points at a mistyped set (+set -euo pipefail) instead of saying the script never sets -e', async () => {
    const typo = (line: string) => `#!/bin/bash\n${line}\n\ncd /app\nmake\n`;
    await tester.run({
      invalid: [
        {
          filename: 'build.sh',
          code: typo('+set -euo pipefail'),
          errors: [{ line: 2, column: 1, endColumn: 5, message: '"+set -euo pipefail" runs a command named "+set", not the set builtin, so the script goes on without -e; remove the "+"' }],
        },
        {
          filename: 'build.sh',
          code: typo('sset -e'),
          errors: [{ line: 2, column: 1, endColumn: 5, message: '"sset -e" runs a command named "sset", not the set builtin, so the script goes on without -e; write "set"' }],
        },
      ],
    });
  });

  it('does not ask a script that runs one command for set -e: nothing runs after it fails', async () => {
    await tester.run({
      valid: [
        '#!/bin/sh\n\nset -x\nexec docker compose -f docker-compose.yml up -d "$@"\n',
        '#!/bin/bash\n# Runs the management command in a one-off container.\ndocker compose run --rm manage "$@"\n',
      ],
      invalid: [
        {
          filename: 'script.sh',
          code: '#!/bin/sh\ndocker compose pull\nexec docker compose up -d\n',
          errors: [{ line: 1, column: 1, message: NEVER }],
          output: '#!/bin/sh\nset -e\ndocker compose pull\nexec docker compose up -d\n',
        },
        {
          filename: 'script.sh',
          code: '#!/bin/sh\nfor f in /docker-entrypoint.d/*.sh; do . "$f"; done\n',
          errors: [{ line: 1, column: 1, message: NEVER }],
          output: '#!/bin/sh\nset -e\nfor f in /docker-entrypoint.d/*.sh; do . "$f"; done\n',
        },
      ],
    });
  });
});
