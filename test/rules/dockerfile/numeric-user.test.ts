import { describe, expect, it } from 'vitest';
import numericUser from '../../../rules/dockerfile/numeric-user.js';
import { RuleTester } from '../../../src/testing.js';

const NAME = "is a name: only the image's /etc/passwd can resolve it, so runAsNonRoot checks and host-side tools cannot tell whether it is root;";

describe('dockerfile/numeric-user', () => {
  it('is off in the recommended preset', () => {
    expect(numericUser.meta.recommended).toBe(false);
  });

  it('reports USER names when switched on', async () => {
    await new RuleTester(numericUser).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM node:22\nUSER node\nUSER app:staff\n',
          errors: [
            { line: 2, column: 6, endColumn: 10, message: `USER node ${NAME} use the numeric UID` },
            { line: 3, column: 6, endColumn: 15, message: `USER app:staff ${NAME} use the numeric UID:GID` },
          ],
        },
      ],
    });
  });

  it('accepts UIDs, UID:GID and variables', async () => {
    await new RuleTester(numericUser).run({ valid: ['FROM node:22\nUSER 1000\nUSER 1000:1000\nUSER $APP_UID\n'] });
  });
});
