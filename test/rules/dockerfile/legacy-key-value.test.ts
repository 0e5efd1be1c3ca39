import { describe, expect, it } from 'vitest';
import legacyKeyValue from '../../../rules/dockerfile/legacy-key-value.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(legacyKeyValue);
const legacy = (instruction: string, key: string) =>
  `"${instruction} ${key} …" uses the legacy space-separated form; write ${instruction} ${key}=…, which is unambiguous and allows several pairs`;
const MULTI_LINE = 'ENV DEPS \\\n    gcc \\\n    make\n';
const FIXED = `FROM alpine:3.20\nENV PG_MAJOR=16\nENV MY_VAR="some value"\nLABEL description="a quoted value"\n${MULTI_LINE}`;

describe('dockerfile/legacy-key-value', () => {
  it('reports ENV and LABEL in the legacy key value form, and rewrites them to key=value (safe), quoting values with spaces', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: `FROM alpine:3.20\nENV PG_MAJOR 16\nENV MY_VAR some value\nLABEL description "a quoted value"\n${MULTI_LINE}`,
          errors: [
            { line: 2, column: 5, endLine: 2, endColumn: 13, message: legacy('ENV', 'PG_MAJOR') },
            { line: 3, column: 5, endLine: 3, endColumn: 11, message: legacy('ENV', 'MY_VAR') },
            { line: 4, column: 7, endLine: 4, endColumn: 18, message: legacy('LABEL', 'description') },
            { line: 5, column: 5, endLine: 5, endColumn: 9, message: legacy('ENV', 'DEPS') },
          ],
          output: FIXED,
        },
      ],
    });
    expect(legacyKeyValue.meta.fix).toBe('safe');
  });

  it('leaves multi-line values for a person', async () => {
    await tester.run({ invalid: [{ filename: 'Dockerfile', code: FIXED, errors: [{ line: 5, column: 5, endLine: 5, endColumn: 9, message: legacy('ENV', 'DEPS') }] }] });
  });

  it('accepts key=value and ARG with several names', async () => {
    await tester.run({ valid: ['FROM alpine:3.20\nENV PG_MAJOR=16 MY_VAR="some value"\nLABEL description="a quoted value"\nARG foo bar\n'] });
  });
});
