import { describe, expect, it } from 'vitest';
import { MAX_VARIABLE_NESTING, variableRefs } from '../../../src/parse/dockerfile/words.js';

describe('variableRefs', () => {
  it('lists references nested in defaults, outer first, with file offsets and modifiers', () => {
    expect(variableRefs('a${A:-${B}x}$C', 10)).toEqual([
      { name: 'A', start: 11, end: 22, operator: ':-' },
      { name: 'B', start: 16, end: 20 },
      { name: 'C', start: 22, end: 24 },
    ]);
  });

  it('looks into nested defaults down to the limit, not deeper', () => {
    const depth = 200;
    const refs = variableRefs('${V:-'.repeat(depth) + 'x' + '}'.repeat(depth), 0);
    expect(refs).toHaveLength(MAX_VARIABLE_NESTING + 1);
    expect(refs.at(-1)).toEqual({ name: 'V', start: 5 * MAX_VARIABLE_NESTING, end: 6 * depth + 1 - MAX_VARIABLE_NESTING, operator: ':-' });
  });

  it('a default holding many references lists them all', () => {
    const refs = variableRefs('${A:-' + '$X'.repeat(20_000) + '}', 0);
    expect(refs).toHaveLength(20_001);
    expect(refs[20_000]).toEqual({ name: 'X', start: 5 + 2 * 19_999, end: 5 + 2 * 20_000 });
  });
});
