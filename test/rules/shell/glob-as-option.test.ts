import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/glob-as-option.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/glob-as-option', () => {
  it('reports an argument that starts with * or ?', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'clean.sh',
          code: '#!/bin/sh\nrm *\ncp *.txt /tmp\nrm ?x\n',
          errors: [
            { line: 2, column: 4, endLine: 2, endColumn: 5, message: '* may expand to a file name that starts with "-", which rm would read as an option; write ./*, or put -- before it' },
            { line: 3, column: 4, endColumn: 9, message: /^\*\.txt may expand/ },
            { line: 4, column: 4, message: /^\?x may expand/ },
          ],
        },
      ],
    });
  });

  it('accepts ./*, globs after --, echo and printf, and globs that start with a name', async () => {
    await tester.run({
      valid: [{ filename: 'clean.sh', code: '#!/bin/sh\nrm ./*\nrm -- *\necho *\nprintf "%s\\n" *\nrm [ab]\nrm logs/*\nrm "*"\nfor f in *; do :; done\n' }],
    });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nWORKDIR /src\nRUN make && \\\n    tar -czf /out.tgz *\n',
          errors: [{ line: 4, column: 23, endLine: 4, endColumn: 24, message: /^\* may expand to a file name that starts with "-", which tar/ }],
        },
      ],
    });
  });

  it('is off in recommended', () => {
    expect(rule.meta.recommended).toBe(false);
  });
});
