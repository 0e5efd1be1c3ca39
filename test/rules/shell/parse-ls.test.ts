import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/parse-ls.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/parse-ls', () => {
  it('reports ls piped to grep (SC2010) and to other commands (SC2012)', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'list.sh',
          code: '#!/bin/sh\nls | grep .log\nn=$(ls -1 dir | wc -l)\nls -1 dir | while read -r f; do echo "$f"; done\n',
          errors: [
            { line: 2, column: 1, endLine: 2, endColumn: 3, message: 'ls | grep splits file names at blanks and newlines; match with a glob (for f in *.log) or find -name instead' },
            { line: 3, column: 5, endColumn: 7, message: 'ls | wc reads file names one per line, which breaks on names with newlines; use find (find . -maxdepth 1 …) or a glob' },
            { line: 4, column: 1, endColumn: 3, message: /^ls \| while reads file names one per line/ },
          ],
        },
      ],
    });
  });

  it('accepts ls on its own and into a file', async () => {
    await tester.run({ valid: [{ filename: 'list.sh', code: '#!/bin/sh\nls -la\nls > files.txt\nx=$(ls /tmp)\n' }] });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      invalid: [{ filename: 'Dockerfile', code: 'FROM alpine\nRUN cd /app && \\\n    ls dist | grep -v map\n', errors: [{ line: 3, column: 5, endLine: 3, endColumn: 7, message: /^ls \| grep/ }] }],
    });
  });

  it('is off in recommended', () => {
    expect(rule.meta.recommended).toBe(false);
  });
});
