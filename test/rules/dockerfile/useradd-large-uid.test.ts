import { describe, expect, it } from 'vitest';
import useraddLargeUid from '../../../rules/dockerfile/useradd-large-uid.js';
import { RuleTester } from '../../../src/testing.js';

describe('dockerfile/useradd-large-uid', () => {
  it('reports useradd with a UID of six digits or more and no -l, and adds -l', async () => {
    await new RuleTester(useraddLargeUid).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12\nRUN useradd -u 1234567 -m app\n',
          errors: [
            { line: 2, column: 16, endColumn: 23, message: 'useradd with UID 1234567 and without -l writes a sparse lastlog/faillog sized by the UID, which can add gigabytes to the layer' },
          ],
          output: 'FROM debian:12\nRUN useradd -l -u 1234567 -m app\n',
        },
      ],
    });
  });

  it('offers its fix as unsafe: a flag changes what runs', () => {
    expect(useraddLargeUid.meta.fix).toBe('unsafe');
  });

  it('accepts small UIDs, -l and --no-log-init', async () => {
    await new RuleTester(useraddLargeUid).run({
      valid: ['FROM debian:12\nRUN useradd -u 12345 app \\\n && useradd -l -u 1234567 big \\\n && useradd --no-log-init --uid 7654321 big2 \\\n && useradd plain\n'],
    });
  });
});
