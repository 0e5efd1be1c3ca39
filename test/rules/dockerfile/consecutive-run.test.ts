import { describe, expect, it } from 'vitest';
import consecutiveRun from '../../../rules/dockerfile/consecutive-run.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(consecutiveRun);

describe('dockerfile/consecutive-run', () => {
  it('is off in the recommended preset', () => {
    expect(consecutiveRun.meta.recommended).toBe(false);
  });

  it('reports consecutive single-command RUNs with the same flags, comments between them included', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM debian:12',
            'RUN apt-get update',
            '# a comment between does not matter',
            'RUN apt-get install -y curl',
            'RUN --mount=type=secret,id=token ./fetch.sh',
            'RUN --mount=type=secret,id=token ./fetch-more.sh',
            '',
          ].join('\n'),
          errors: [
            {
              line: 4,
              column: 1,
              endLine: 4,
              endColumn: 4,
              message: 'this RUN and the one on line 2 each run a single command; joining them with && makes one layer instead of two',
            },
            {
              line: 6,
              column: 1,
              endLine: 6,
              endColumn: 4,
              message: 'this RUN and the one on line 5 each run a single command; joining them with && makes one layer instead of two',
            },
          ],
        },
      ],
    });
  });

  it('accepts chained commands, RUNs with other flags, other instructions between and exec form', async () => {
    await tester.run({
      valid: [
        'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN ./configure; make\n',
        'FROM debian:12\nRUN ./configure\nWORKDIR /src\nRUN make install\n',
        'FROM debian:12\nRUN make install\nRUN --mount=type=secret,id=token ./fetch.sh\nRUN ./build.sh\n',
        'FROM debian:12\nRUN ["./run-tests"]\nRUN ["./package"]\n',
      ],
    });
  });
});
