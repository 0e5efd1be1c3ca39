import { describe, it } from 'vitest';
import rule from '../../../rules/shell/negation-errexit.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/negation-errexit', () => {
  it('reports a negated statement under set -e whose status nothing checks', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'check.sh',
          code: '#!/bin/sh\nset -e\n! grep -q secret config.txt\nif [ -f x ]; then\n  ! test -L x\nfi\necho done\n',
          errors: [
            { line: 3, column: 1, endLine: 3, endColumn: 2, message: 'set -e ignores the status of a negated command, so the script goes on when grep succeeds; write grep … && exit 1, or test it with if' },
            { line: 5, column: 3, message: /when test succeeds/ },
          ],
        },
      ],
    });
  });

  it('leaves alone conditions, the status a script or function returns, and scripts without set -e', async () => {
    await tester.run({
      valid: [
        { filename: 'a.sh', code: '#!/bin/sh\nset -e\nif ! grep -q x f; then exit 1; fi\n! grep -q x f && echo ok\nis_clean() { ! grep -q x f; }\n! grep -q y f\n' },
        { filename: 'b.sh', code: '#!/bin/sh\n! grep -q x f\necho done\n' },
      ],
    });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: "FROM debian\nRUN set -eux; \\\n    sed -ri '/locale/d' /etc/dpkg.cfg; \\\n    ! grep -q locale /etc/dpkg.cfg; \\\n    apt-get update\n",
          errors: [{ line: 4, column: 5, endLine: 4, endColumn: 6, message: /when grep succeeds/ }],
        },
      ],
    });
  });
});
