import { describe, it } from 'vitest';
import containerIrrelevantCommands from '../../../rules/dockerfile/container-irrelevant-commands.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(containerIrrelevantCommands);

describe('dockerfile/container-irrelevant-commands', () => {
  it('reports ssh, vim, service, ps, top… run during the build, in ONBUILD too', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM ubuntu:24.04\nRUN service postgresql start && createdb app\nRUN ps aux && top -b -n 1\nONBUILD RUN vim /etc/hosts\n',
          errors: [
            { line: 2, column: 5, endLine: 2, endColumn: 12, message: '"service" starts a daemon that does not survive the build step; it has no place in a RUN step' },
            { line: 3, column: 5, endLine: 3, endColumn: 7, message: '"ps" lists processes of a throwaway build container; it has no place in a RUN step' },
            { line: 3, column: 15, endLine: 3, endColumn: 18, message: '"top" is an interactive process viewer; it has no place in a RUN step' },
            { line: 4, column: 13, endLine: 4, endColumn: 16, message: '"vim" is an interactive editor; it has no place in a RUN step' },
          ],
        },
      ],
    });
  });

  it('accepts installing those tools and running them in CMD', async () => {
    await tester.run({
      valid: [
        'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-client procps vim \\\n && rm -rf /var/lib/apt/lists/*\nCMD ["top", "-b"]\n',
      ],
    });
  });
});
