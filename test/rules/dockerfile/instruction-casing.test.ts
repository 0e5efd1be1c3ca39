import { describe, expect, it } from 'vitest';
import instructionCasing from '../../../rules/dockerfile/instruction-casing.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(instructionCasing);
const upper = (keyword: string) => `instruction "${keyword}" should be upper-case like the other instructions of this file`;
const FIXED = 'FROM alpine:3.20\nRUN echo hello > /greeting.txt\nCOPY . /app\nENTRYPOINT ["cat", "/greeting.txt"]\n';

describe('dockerfile/instruction-casing', () => {
  it('reports keywords whose case differs from the majority, and fixes them to the majority case (safe)', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20\nRun echo hello > /greeting.txt\ncopy . /app\nEntRYpOiNT ["cat", "/greeting.txt"]\n',
          errors: [
            { line: 2, column: 1, endLine: 2, endColumn: 4, message: upper('Run') },
            { line: 3, column: 1, endLine: 3, endColumn: 5, message: upper('copy') },
            { line: 4, column: 1, endLine: 4, endColumn: 11, message: upper('EntRYpOiNT') },
          ],
          output: FIXED,
        },
      ],
    });
    expect(instructionCasing.meta.fix).toBe('safe');
  });

  it('accepts the fixed file and an all lower-case file', async () => {
    await tester.run({ valid: [FIXED, 'from alpine:3.20\nrun echo hello > /greeting.txt\nonbuild run echo child\nentrypoint ["cat", "/greeting.txt"]\n'] });
  });

  it('leaves unknown keywords alone: in a YAML workflow taken for a Dockerfile, COMMIT=$(git …) is no instruction to lower-case', async () => {
    const workflow = 'name: build\non:\n  push:\njobs:\n  build:\n    steps:\n      - run: |\n          COMMIT=$(git rev-parse HEAD)\n          PF_PID=$!\n';
    await tester.run({
      valid: [{ filename: 'Dockerfile', code: workflow }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'from alpine:3.20\nrun true\nFOO bar\nCopy . /app\n',
          errors: [{ line: 4, column: 1, message: 'instruction "Copy" should be lower-case like most other instructions of this file' }],
          output: 'from alpine:3.20\nrun true\nFOO bar\ncopy . /app\n',
        },
      ],
    });
  });
});
