import { describe, it } from 'vitest';
import noSudo from '../../../rules/dockerfile/no-sudo.js';
import { RuleTester } from '../../../src/testing.js';

const MESSAGE =
  'sudo in RUN: build steps already run as the current USER, and sudo adds a TTY and PAM layer that behaves unpredictably; switch with USER, or use gosu/su-exec at run time';

describe('dockerfile/no-sudo', () => {
  it('reports sudo in RUN and ONBUILD RUN, also behind other commands', async () => {
    await new RuleTester(noSudo).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12\nRUN sudo apt-get update && sudo -E apt-get install -y curl\nONBUILD RUN sudo make install\n',
          errors: [
            { line: 2, column: 5, endColumn: 9, message: MESSAGE },
            { line: 2, column: 28, endColumn: 32, message: MESSAGE },
            { line: 3, column: 13, endColumn: 17, message: MESSAGE },
          ],
        },
      ],
    });
  });

  it('accepts installing sudo and the word sudo as an argument', async () => {
    await new RuleTester(noSudo).run({
      valid: [
        'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends sudo \\\n && rm -rf /var/lib/apt/lists/*\n',
        'FROM debian:12\nUSER 1000\nRUN echo "sudo is only a word here"\n',
      ],
    });
  });

  it('is suppressed by an existing # hadolint ignore=DL3004 comment', async () => {
    await new RuleTester(noSudo).run({
      valid: ['FROM debian:12\n# hadolint ignore=DL3004\nRUN sudo make install\n'],
      invalid: [{ filename: 'Dockerfile', code: 'FROM debian:12\nRUN sudo make install\n', errors: [{ line: 2, column: 5, endColumn: 9 }], name: 'without the comment' }],
    });
  });
});
