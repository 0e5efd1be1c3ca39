import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/no-commands-after-exec.js';
import { RuleTester } from '../../../src/testing.js';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'shell/no-commands-after-exec';
const tester = new RuleTester(rule);

describe(RULE, () => {
  it('reports an exec followed by commands that never run', async () => {
    const FILE = 'shell/no-commands-after-exec/bad/start.sh';
    const found = await findings(RULE, [FILE]);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${FILE}:3:1-3:5 ${RULE} "exec" replaces the shell with ./migrate.sh, so the commands after it (from line 5) never run; drop "exec" if the script should carry on`,
    ]);
  });

  it('accepts exec with redirections only, a last exec, and messages or exit after exec', async () => {
    expect(await findings(RULE, ['shell/no-commands-after-exec/good'])).toEqual([]);
  });

  it('looks at the block the exec is in, and works inside a multi-line RUN', async () => {
    await tester.run({
      valid: [
        { filename: 'run.sh', code: '#!/bin/sh\nexec a || fail\nexec b &\nwait\nif x; then exec c; fi\nrun\n' },
        { filename: 'run.sh', code: '#!/bin/sh\nstart() {\n  exec "$@"\n}\nstart server\n' },
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN cd /src \\\n && { exec make; \\\n      make install; }\n',
          errors: [{ line: 3, column: 7, endLine: 3, endColumn: 11, message: /^"exec" replaces the shell with make, so the commands after it \(from line 4\) never run/ }],
        },
        {
          filename: 'run.sh',
          code: '#!/bin/sh\nif [ "$1" = x ]; then\n  exec x 2>&1\n  cleanup\nfi\n',
          errors: [{ line: 3, column: 3, message: /\(from line 4\)/ }],
        },
      ],
    });
  });
});
