import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/no-backticks.js';
import { RuleTester } from '../../../src/testing.js';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'shell/no-backticks';
const MESSAGE = 'write this command substitution as $(…): backticks do not nest without escaping, and backslashes inside them are easy to get wrong';
const tester = new RuleTester(rule);

describe(RULE, () => {
  it('reports backtick substitutions, quoted or not', async () => {
    const FILE = 'shell/no-backticks/bad/stamp.sh';
    const found = await findings(RULE, [FILE]);
    expect(found.map(brief)).toEqual([`${FILE}:2:5-2:15 ${RULE}`, `${FILE}:3:18-3:28 ${RULE}`, `${FILE}:4:7-4:19 ${RULE}`]);
    expect(found.map((d) => d.fix !== undefined)).toEqual([true, true, false]);
  });

  it('accepts $(…), escaped and single-quoted backticks', async () => {
    expect(await findings(RULE, ['shell/no-backticks/good'])).toEqual([]);
  });

  it('rewrites to $(…) when nothing inside changes meaning, also in a multi-line RUN', async () => {
    await tester.run({
      valid: [{ filename: 'Dockerfile', code: 'FROM alpine\nRUN echo "$(uname -m)" \\\n && echo \'`x`\'\n' }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN set -e; \\\n    arch=`uname -m`; \\\n    echo "$arch"\n',
          errors: [{ line: 3, column: 10, endLine: 3, endColumn: 20, message: MESSAGE }],
          output: 'FROM alpine\nRUN set -e; \\\n    arch=$(uname -m); \\\n    echo "$arch"\n',
        },
        {
          filename: 'run.sh',
          code: '#!/bin/sh\nd=`(cd x; pwd)`\ne="`echo \\$HOME`"\n',
          errors: [{ line: 2, column: 3 }, { line: 3, column: 4 }],
        },
      ],
    });
  });
});
