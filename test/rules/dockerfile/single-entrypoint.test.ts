import { describe, it } from 'vitest';
import singleEntrypoint from '../../../rules/dockerfile/single-entrypoint.js';
import { RuleTester } from '../../../src/testing.js';

describe('dockerfile/single-entrypoint', () => {
  it('reports every ENTRYPOINT a later one of the same stage overrides', async () => {
    await new RuleTester(singleEntrypoint).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12\nENTRYPOINT ["/docker-entrypoint.sh"]\nENTRYPOINT ["/usr/bin/tini", "--"]\n',
          errors: [{ line: 2, column: 1, endColumn: 11, message: 'this ENTRYPOINT is overridden by the ENTRYPOINT on line 3: only the last one in a stage sets the entrypoint' }],
        },
      ],
    });
  });

  it('accepts one ENTRYPOINT per stage', async () => {
    await new RuleTester(singleEntrypoint).run({ valid: ['FROM debian:12 AS build\nENTRYPOINT ["make"]\nFROM debian:12\nENTRYPOINT ["/usr/bin/tini", "--"]\n'] });
  });
});
