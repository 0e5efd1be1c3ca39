import { describe, it } from 'vitest';
import singleCmd from '../../../rules/dockerfile/single-cmd.js';
import { RuleTester } from '../../../src/testing.js';

describe('dockerfile/single-cmd', () => {
  it('reports every CMD a later CMD of the same stage overrides', async () => {
    await new RuleTester(singleCmd).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12\nCMD ["bash"]\nRUN echo build\nCMD ["another"]\n',
          errors: [{ line: 2, column: 1, endColumn: 4, message: 'this CMD is overridden by the CMD on line 4: only the last one in a stage sets the default command' }],
        },
      ],
    });
  });

  it('accepts one CMD per stage, HEALTHCHECK CMD and ONBUILD CMD', async () => {
    await new RuleTester(singleCmd).run({
      valid: [
        { filename: 'Dockerfile', code: 'FROM debian:12 AS one\nCMD ["bash"]\nFROM debian:12\nCMD ["another"]\n', name: 'one CMD per stage' },
        { filename: 'Dockerfile', code: 'FROM debian:12\nCMD ["bash"]\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nONBUILD CMD ["child"]\n', name: 'HEALTHCHECK CMD and ONBUILD CMD' },
      ],
    });
  });
});
