import { describe, expect, it } from 'vitest';
import maintainerDeprecated from '../../../rules/dockerfile/maintainer-deprecated.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(maintainerDeprecated);
const FIXED = 'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n';

describe('dockerfile/maintainer-deprecated', () => {
  it('reports MAINTAINER and offers an unsafe fix to the authors label', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\n',
          errors: [{ line: 2, column: 1, endLine: 2, endColumn: 11, message: 'MAINTAINER is deprecated; set the author with LABEL org.opencontainers.image.authors instead' }],
          output: FIXED,
        },
      ],
    });
    expect(maintainerDeprecated.meta.fix).toBe('unsafe');
  });

  it('accepts the authors label', async () => {
    await tester.run({ valid: [FIXED] });
  });
});
