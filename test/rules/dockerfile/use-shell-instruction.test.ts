import { describe, it } from 'vitest';
import useShellInstruction from '../../../rules/dockerfile/use-shell-instruction.js';
import { RuleTester } from '../../../src/testing.js';

const MESSAGE =
  'relinking /bin/sh changes the shell of every later RUN, and of the running container, behind the Dockerfile\'s back; use SHELL ["/bin/bash", "-c"] instead';

describe('dockerfile/use-shell-instruction', () => {
  it('reports relinking /bin/sh', async () => {
    await new RuleTester(useShellInstruction).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12\nRUN ln -sfv /bin/bash /bin/sh\nONBUILD RUN ln -sf /usr/bin/dash /bin/sh\n',
          errors: [
            { line: 2, column: 23, endColumn: 30, message: MESSAGE },
            { line: 3, column: 34, endColumn: 41, message: MESSAGE },
          ],
        },
      ],
    });
  });

  it('accepts SHELL and unrelated symlinks', async () => {
    await new RuleTester(useShellInstruction).run({
      valid: [
        'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n',
        'FROM debian:12\nRUN ln -sf /bin/true /sbin/initctl\nRUN ln -s foo bar && unrelated && something_with /bin/sh\n',
      ],
    });
  });
});
