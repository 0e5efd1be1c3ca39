import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/and-or-ternary.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/and-or-ternary', () => {
  it('reports A && B || C at the && before B', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'run.sh',
          code: '#!/bin/sh\n[ -f x ] && rm x || touch y\na && b && c || d\n',
          errors: [
            { line: 2, column: 10, endLine: 2, endColumn: 12, message: 'A && B || C is not if-then-else: C runs when A succeeds and B fails too; use if A; then B; else C; fi' },
            { line: 3, column: 8, endColumn: 10 },
          ],
        },
      ],
    });
  });

  it('accepts a fallback that only reports, leaves or assigns, conditions, and || before &&', async () => {
    await tester.run({
      valid: [{ filename: 'run.sh', code: '#!/bin/sh\na && b || echo failed\na && b || exit 1\na && b || x=1\nif a && b || c; then :; fi\na || b && c\n' }],
    });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN actual=$(sha256sum go.tgz) && \\\n    [ "$actual" = "$expected" ] && \\\n    echo ok || \\\n    (echo bad && exit 1)\n',
          errors: [{ line: 3, column: 33, endLine: 3, endColumn: 35 }],
        },
      ],
    });
  });

  it('is off in recommended', () => {
    expect(rule.meta.recommended).toBe(false);
  });
});
