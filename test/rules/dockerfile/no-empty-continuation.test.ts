import { describe, expect, it } from 'vitest';
import noEmptyContinuation from '../../../rules/dockerfile/no-empty-continuation.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(noEmptyContinuation);
const MESSAGE = 'empty line inside a line continuation; BuildKit deprecates it and a future release will reject it (a comment line is fine)';
const FIXED = 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    gnupg \\\n    curl\nEXPOSE \\\n80\n';

describe('dockerfile/no-empty-continuation', () => {
  it('reports empty and blank lines inside a line continuation, and removes them (safe)', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n\n    gnupg \\\n   \n    curl\nEXPOSE \\\n\n80\n',
          errors: [
            { line: 3, column: 1, endLine: 3, endColumn: 1, message: MESSAGE },
            { line: 5, column: 1, endLine: 5, endColumn: 4, message: MESSAGE },
            { line: 8, column: 1, endLine: 8, endColumn: 1, message: MESSAGE },
          ],
          output: FIXED,
        },
      ],
    });
    expect(noEmptyContinuation.meta.fix).toBe('safe');
  });

  it('accepts the fixed file, comment lines in continuations, blank lines between instructions and heredoc bodies', async () => {
    await tester.run({
      valid: [
        FIXED,
        'FROM alpine:3.20\nRUN apk add --no-cache \\\n    # signatures\n    gnupg \\\n    curl\n\nEXPOSE 80\nRUN <<EOF\nset -e\n\necho ok\nEOF\n',
      ],
    });
  });
});
