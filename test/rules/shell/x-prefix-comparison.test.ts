import { describe, it } from 'vitest';
import rule from '../../../rules/shell/x-prefix-comparison.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/x-prefix-comparison', () => {
  it('reports in a script', async () => {
    await tester.run({ invalid: [{ filename: 'run.sh', code: '#!/bin/sh\nif [ "x${USER_NAME}" = "x" ] || [ x"$b" != xno ]; then :; fi\n[[ "x$c" == "xyes" ]]\n', errors: [{ line: 2, column: 6, endLine: 2, endColumn: 21, message: 'the "x" prefix in "x${USER_NAME}" = "x" guards against shells that misread empty or dash-leading operands, which no current shell does; compare the values themselves, quoted' }, { line: 2, column: 35, endLine: 2, endColumn: 40 }, { line: 3, column: 4, endLine: 3, endColumn: 9 }] }] });
  });

  it('stays quiet where it should', async () => {
    await tester.run({ valid: [{ filename: 'run.sh', code: '#!/bin/sh\n[ "$a" = "xfoo" ]\n[ "$a" = "" ]\n[ "x$a" -eq 1 ]\n[ "xterm" = "x" ]\n' }] });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({ invalid: [{ filename: 'Dockerfile', code: 'FROM alpine\nRUN set -e; \\\n    if [ "x$MODE" = "xdev" ]; then echo dev; fi\n', errors: [{ line: 3, column: 10, endLine: 3, endColumn: 18 }] }] });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    [ \"x$A\" = \"xyes\" ] && echo y\n',
          errors: [{ line: 3, column: 7, endLine: 3, endColumn: 12 }],
        },
      ],
    });
  });
});
