import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/unfollowed-source.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/unfollowed-source', () => {
  it('reports a path known only at run time (SC1090) and one that is no script of the run (SC1091)', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'run.sh',
          code: '#!/bin/sh\n. "$config"\n. /etc/os-release\n',
          errors: [
            { line: 2, column: 3, endLine: 2, endColumn: 12, message: '"$config" is known only at run time, so the checks cannot read what it sets; name the file in a "# shellcheck source=path" comment above, or source=/dev/null' },
            { line: 3, column: 3, endColumn: 18, message: '/etc/os-release is not a script of this run, so the checks cannot read what it sets; lint it too, point source-path= in .shellcheckrc at its folder, or write "# shellcheck source=/dev/null" above' },
          ],
        },
      ],
    });
  });

  it('accepts a script of the run, found relative to the script, and source=/dev/null', async () => {
    await tester.run({
      valid: [
        { filename: 'run.sh', code: '#!/bin/sh\n. "$(dirname "$0")/lib.sh"\n# shellcheck source=/dev/null\n. "$HOME/.profile"\n', files: { 'lib.sh': 'x=1\n' } },
      ],
    });
  });

  it('is off in recommended', () => {
    expect(rule.meta.recommended).toBe(false);
  });
});
