import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief, findings, FIXTURES } from '../../helpers/lint.js';
import { applyEdits } from '../../helpers/edits.js';
import { RuleTester } from '../../../src/testing.js';
import strictMode from '../../../rules/shell/strict-mode.js';

const RULE = 'shell/strict-mode';
const ON = ['shell/strict-mode: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['shell/strict-mode/bad'])).toEqual([]);
  });

  it('reports scripts that never set -e, and commands that run before it', async () => {
    const found = await findings(RULE, ['shell/strict-mode/bad'], { cliRules: ON });
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'shell/strict-mode/bad/late.sh:3:1-3:3 shell/strict-mode "cd" runs before set -e, so its failure goes unnoticed',
      'shell/strict-mode/bad/no-shebang.sh:1:1-1:16 shell/strict-mode the script never sets -e, so a failing command does not stop it',
      'shell/strict-mode/bad/pre-deploy-backup.sh:1:1-1:12 shell/strict-mode the script never sets -e, so a failing command does not stop it',
    ]);
  });

  it('offers an unsafe fix that inserts set -e after the shebang', async () => {
    const found = await findings(RULE, ['shell/strict-mode/bad/pre-deploy-backup.sh'], { cliRules: ON });
    const fix = found[0]!.fix!;
    expect(fix.safety).toBe('unsafe');
    const file = path.join(FIXTURES, 'shell/strict-mode/bad/pre-deploy-backup.sh');
    const fixed = applyEdits(readFileSync(file, 'utf8'), fix.edits);
    expect(fixed.split('\n').slice(0, 3)).toEqual(['#!/bin/bash', 'set -eo pipefail', '# pre-deploy-backup.sh']);
  });

  it('accepts set -Eeuo pipefail, #!/bin/bash -e, set -o errexit and function libraries', async () => {
    expect(await findings(RULE, ['shell/strict-mode/good'], { cliRules: ON })).toEqual([]);
  });

  it('leaves a file without shebang that another script sources to its caller', async () => {
    expect(await findings(RULE, ['shell/strict-mode/sourced'], { cliRules: ON })).toEqual([]);
  });

  it('with pipefail, asks bash scripts for -o pipefail', async () => {
    const found = await findings(RULE, ['shell/strict-mode/good/shebang-flag.sh'], {
      cliRules: ['shell/strict-mode: [warning, {"pipefail": true}]'],
    });
    expect(found.map(brief)).toEqual(['shell/strict-mode/good/shebang-flag.sh:1:1-1:15 shell/strict-mode']);
  });

  it('points at a mistyped set (+set -euo pipefail) instead of saying the script never sets -e', async () => {
    const typo = (line: string) => `#!/bin/bash\n${line}\n\ncd /app\nmake\n`;
    await new RuleTester(strictMode).run({
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
    await new RuleTester(strictMode).run({
      valid: [
        '#!/bin/sh\n\nset -x\nexec docker compose -f docker-compose.yml up -d "$@"\n',
        '#!/bin/bash\n# Runs the management command in a one-off container.\ndocker compose run --rm manage "$@"\n',
      ],
      invalid: [
        {
          filename: 'script.sh',
          code: '#!/bin/sh\ndocker compose pull\nexec docker compose up -d\n',
          errors: [{ line: 1, column: 1, message: 'the script never sets -e, so a failing command does not stop it' }],
          output: '#!/bin/sh\nset -e\ndocker compose pull\nexec docker compose up -d\n',
        },
        {
          filename: 'script.sh',
          code: '#!/bin/sh\nfor f in /docker-entrypoint.d/*.sh; do . "$f"; done\n',
          errors: [{ line: 1, column: 1, message: 'the script never sets -e, so a failing command does not stop it' }],
          output: '#!/bin/sh\nset -e\nfor f in /docker-entrypoint.d/*.sh; do . "$f"; done\n',
        },
      ],
    });
  });
});
