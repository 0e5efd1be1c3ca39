import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

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
});
