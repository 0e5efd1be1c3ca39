import { describe, it } from 'vitest';
import rule from '../../../rules/shell/grep-pattern-quoted.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/grep-pattern-quoted', () => {
  it('reports an unquoted pattern with glob characters, as an operand or after -e', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'check.sh',
          code: '#!/bin/sh\ngrep -oP ^[0-9]+ counts.txt\ngrep -e fo? log\ngrep -v -- x* list\n',
          errors: [
            { line: 2, column: 10, endLine: 2, endColumn: 17, message: "grep's pattern ^[0-9]+ is unquoted: when a file name matches it as a glob, grep searches for that name instead (or gets no pattern at all); quote it: '^[0-9]+'" },
            { line: 3, column: 9, endColumn: 12, message: /^grep's pattern fo\? is unquoted/ },
            { line: 4, column: 12, endColumn: 14, message: /^grep's pattern x\* is unquoted/ },
          ],
        },
      ],
    });
  });

  it('accepts quoted and escaped patterns, globs among the files, and patterns from a file', async () => {
    await tester.run({
      valid: [
        {
          filename: 'check.sh',
          code: [
            '#!/bin/sh',
            "grep -qE '^a*' f",
            'grep "foo*" f',
            'grep foo\\* f',
            'grep -r pattern *.txt',
            'grep -f patterns.txt logs/*',
            'grep -m 1 word f*',
            'grep a[ f',
            'egrep a+b* f',
            '',
          ].join('\n'),
        },
      ],
    });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN apk add curl && \\\n    apk info | grep -q curl* \\\n    && echo ok\n',
          errors: [{ line: 3, column: 24, endLine: 3, endColumn: 29, message: /^grep's pattern curl\* is unquoted/ }],
        },
      ],
    });
  });
});
