import { describe, it } from 'vitest';
import singleHealthcheck from '../../../rules/dockerfile/single-healthcheck.js';
import { RuleTester } from '../../../src/testing.js';

describe('dockerfile/single-healthcheck', () => {
  it('reports every HEALTHCHECK a later one of the same stage overrides', async () => {
    await new RuleTester(singleHealthcheck).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK --interval=30s CMD wget -q -O /dev/null http://localhost/\n',
          errors: [{ line: 2, column: 1, endColumn: 12, message: 'this HEALTHCHECK is overridden by the HEALTHCHECK on line 3: only the last one in a stage sets the health check' }],
        },
      ],
    });
  });

  it('accepts one HEALTHCHECK per stage', async () => {
    await new RuleTester(singleHealthcheck).run({
      valid: ['FROM nginx:1.27 AS base\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nFROM base\nHEALTHCHECK --interval=30s CMD wget -q -O /dev/null http://localhost/\n'],
    });
  });
});
