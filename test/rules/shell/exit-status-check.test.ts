import { describe, it } from 'vitest';
import rule from '../../../rules/shell/exit-status-check.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/exit-status-check', () => {
  it('reports in a script', async () => {
    await tester.run({ invalid: [{ filename: 'run.sh', code: '#!/bin/bash\nmake build\nif [ $? -ne 0 ]; then exit 1; fi\n[ "${?}" = 0 ] && echo ok\nif (( $? != 0 )); then :; fi\n', errors: [{ line: 3, column: 6, endLine: 3, endColumn: 8, message: "testing $? against 0 checks the previous command's status in a roundabout way that breaks when a command is added in between; test the command itself (if cmd; then … / if ! cmd; then …)" }, { line: 4, column: 4, endLine: 4, endColumn: 8 }, { line: 5, column: 7, endLine: 5, endColumn: 9 }] }] });
  });

  it('stays quiet where it should', async () => {
    await tester.run({ valid: [{ filename: 'run.sh', code: '#!/bin/bash\nmake build\nstatus=$?\nif [ $? -eq 1 ]; then :; fi\ntest $? -eq 0 || exit\necho "$?"\n' }] });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({ invalid: [{ filename: 'Dockerfile', code: 'FROM alpine\nRUN make; \\\n    if [ $? -ne 0 ]; then exit 1; fi\n', errors: [{ line: 3, column: 10, endLine: 3, endColumn: 12 }] }] });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache make && \\\n    make -C /src; \\\n    if [ $? -ne 0 ]; then exit 1; fi\n',
          errors: [{ line: 4, column: 10, endLine: 4, endColumn: 12 }],
        },
      ],
    });
  });
});
