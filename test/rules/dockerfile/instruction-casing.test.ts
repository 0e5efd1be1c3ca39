import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';
import { RuleTester } from '../../../src/testing.js';
import instructionCasing from '../../../rules/dockerfile/instruction-casing.js';

const RULE = 'dockerfile/instruction-casing';

describe(RULE, () => {
  it('reports keywords whose case differs from the majority', async () => {
    const found = await findings(RULE, ['dockerfile/instruction-casing/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/instruction-casing/bad/Dockerfile:2:1-2:4 dockerfile/instruction-casing instruction "Run" should be upper-case like the other instructions of this file',
      'dockerfile/instruction-casing/bad/Dockerfile:3:1-3:5 dockerfile/instruction-casing instruction "copy" should be upper-case like the other instructions of this file',
      'dockerfile/instruction-casing/bad/Dockerfile:4:1-4:11 dockerfile/instruction-casing instruction "EntRYpOiNT" should be upper-case like the other instructions of this file',
    ]);
  });

  it('accepts an all lower-case file', async () => {
    expect(await findings(RULE, ['dockerfile/instruction-casing/good'])).toEqual([]);
  });

  it('fixes keywords to the majority case, and the fixed file passes', async () => {
    const { text, remaining } = await fixWithRule(RULE, 'dockerfile/instruction-casing/bad/Dockerfile');
    expect(text).toBe('FROM alpine:3.20\nRUN echo hello > /greeting.txt\nCOPY . /app\nENTRYPOINT ["cat", "/greeting.txt"]\n');
    expect(remaining).toEqual([]);
  });

  it('leaves unknown keywords alone: in a YAML workflow taken for a Dockerfile, COMMIT=$(git …) is no instruction to lower-case', async () => {
    const workflow = 'name: build\non:\n  push:\njobs:\n  build:\n    steps:\n      - run: |\n          COMMIT=$(git rev-parse HEAD)\n          PF_PID=$!\n';
    await new RuleTester(instructionCasing).run({
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
