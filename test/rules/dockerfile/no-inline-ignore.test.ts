import { describe, it } from 'vitest';
import noInlineIgnore from '../../../rules/dockerfile/no-inline-ignore.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(noInlineIgnore);
const MESSAGE = 'inline ignore pragma: fix the finding, or record the exception in the configuration where it can be reviewed';

describe('dockerfile/no-inline-ignore', () => {
  it('reports hadolint ignore pragmas, global ones too', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y curl\n# hadolint global ignore=DL3059\n',
          errors: [
            { line: 2, column: 1, endLine: 2, endColumn: 25, message: MESSAGE },
            { line: 4, column: 1, endLine: 4, endColumn: 32, message: MESSAGE },
          ],
        },
      ],
    });
  });

  it('accepts other pragmas and comments', async () => {
    await tester.run({ valid: ['FROM debian:12\n# hadolint shell=bash\n# an ordinary comment about hadolint\nRUN echo ok\n'] });
  });
});
