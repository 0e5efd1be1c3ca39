import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/declare-masks-status.js';
import { RuleTester } from '../../../src/testing.js';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'shell/declare-masks-status';
const ON = { cliRules: [`${RULE}: warning`] };
const tester = new RuleTester(rule);

describe(RULE, () => {
  it('reports local and export of a command substitution, at the variable name', async () => {
    const FILE = 'shell/declare-masks-status/bad/build.sh';
    const found = await findings(RULE, [FILE], ON);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${FILE}:4:9-4:10 ${RULE} "local" returns its own status, so a failure of the command substitution assigned to v goes unnoticed (also under set -e); declare it first, then assign it on a line of its own`,
      `${FILE}:7:8-7:18 ${RULE} "export" returns its own status, so a failure of the command substitution assigned to BUILD_DATE goes unnoticed (also under set -e); declare it first, then assign it on a line of its own`,
    ]);
  });

  it('accepts declaring first and assigning after, and substitutions nested in a default', async () => {
    expect(await findings(RULE, ['shell/declare-masks-status/good'], ON)).toEqual([]);
  });

  it('reports quoted, concatenated and backtick substitutions, also in a multi-line RUN', async () => {
    await tester.run({
      valid: [{ filename: 'Dockerfile', code: 'FROM alpine\nRUN arch="$(uname -m)" \\\n && export arch\n' }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN set -e; \\\n    export ARCH=$(uname -m); \\\n    echo "$ARCH"\n',
          errors: [{ line: 3, column: 12, endLine: 3, endColumn: 16, message: /^"export" returns its own status/ }],
        },
        { filename: 'run.sh', code: '#!/bin/bash\nf() {\n  local w="x$(cmd)" z=1\n  readonly R=`cmd`\n}\n', errors: [{ line: 3, column: 9 }, { line: 4, column: 12 }] },
      ],
    });
  });
});
