import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/exit-status-range.js';
import { RuleTester } from '../../../src/testing.js';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'shell/exit-status-range';
const tester = new RuleTester(rule);

describe(RULE, () => {
  it('reports exit -1 and exit 256, naming the status the shell really uses', async () => {
    const FILE = 'shell/exit-status-range/bad/usage.sh';
    const found = await findings(RULE, [FILE]);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${FILE}:4:8-4:10 ${RULE} exit status -1 is not a number from 0 to 255: the shell exits with 255 instead`,
      `${FILE}:6:6-6:9 ${RULE} exit status 256 is not a number from 0 to 255: the shell exits with 0 instead`,
    ]);
  });

  it('accepts 0 to 255, expansions and a bare exit', async () => {
    expect(await findings(RULE, ['shell/exit-status-range/good'])).toEqual([]);
  });

  it('reports a word that is not a number, and works inside a multi-line RUN', async () => {
    await tester.run({
      valid: [{ filename: 'Dockerfile', code: 'FROM alpine\nRUN test -f /etc/app.conf \\\n    || exit 3\n' }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN test -f /etc/app.conf \\\n    || exit -2\n',
          errors: [{ line: 3, column: 13, endLine: 3, endColumn: 15, message: 'exit status -2 is not a number from 0 to 255: the shell exits with 254 instead' }],
        },
        {
          filename: 'deploy.sh',
          code: '#!/bin/sh\nexit failed\n',
          errors: [{ line: 2, column: 6, message: 'exit status failed is not a number from 0 to 255: the shell reports an error and exits with 2' }],
        },
      ],
    });
  });
});
