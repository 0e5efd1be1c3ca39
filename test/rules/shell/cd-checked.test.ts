import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/cd-checked.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);
const FIXED = [
  '#!/bin/sh',
  '# build.sh (no set -e: every step must check itself)',
  'cd /srv/app || exit',
  'git pull --ff-only',
  '(cd frontend || exit; npm ci)',
  'deploy() {',
  '  cd "$1" || return',
  '  ./deploy.sh',
  '}',
  'cd build 2>/dev/null || exit; make',
  '',
].join('\n');

const ADD_EXIT = 'if "cd" fails, the script carries on in the wrong directory; add "|| exit"';
const ADD_RETURN = 'if "cd" fails, the script carries on in the wrong directory; add "|| return"';

describe('shell/cd-checked', () => {
  it('reports an unchecked cd in a script without set -e, and appends || exit (|| return in a function) after the redirects', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'build.sh',
          code: [
            '#!/bin/sh',
            '# build.sh (no set -e: every step must check itself)',
            'cd /srv/app',
            'git pull --ff-only',
            '(cd frontend; npm ci)',
            'deploy() {',
            '  cd "$1"',
            '  ./deploy.sh',
            '}',
            'cd build 2>/dev/null; make',
            '',
          ].join('\n'),
          errors: [
            { line: 3, column: 1, endLine: 3, endColumn: 3, message: ADD_EXIT },
            { line: 5, column: 2, endLine: 5, endColumn: 4, message: ADD_EXIT },
            { line: 7, column: 3, endLine: 7, endColumn: 5, message: ADD_RETURN },
            { line: 10, column: 1, endLine: 10, endColumn: 3, message: ADD_EXIT },
          ],
          output: FIXED,
        },
      ],
    });
  });

  it('offers the fix as unsafe (the script stops where it carried on)', () => {
    expect(rule.meta.fix).toBe('unsafe');
  });

  it('accepts checked cds, cd in conditions and && chains, and scripts under set -e', async () => {
    await tester.run({
      valid: [
        { filename: 'build.sh', code: FIXED, name: 'the fixed script' },
        {
          filename: 'checked.sh',
          code: '#!/bin/sh\ncd /srv/app || exit 1\ncd frontend && npm ci\nif cd backend; then make; fi\ncd\ncd "$OLDPWD" || { echo "cannot go back" >&2; exit 1; }\n',
        },
        { filename: 'errexit.sh', code: '#!/bin/sh\nset -eu\ncd /srv/app\ngit pull --ff-only\n' },
      ],
    });
  });
});
