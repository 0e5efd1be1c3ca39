import { describe, expect, it } from 'vitest';
import { applyEdits, selectFixes } from '../../src/fix/apply.js';

const fix = (edits: [number, number, string][]) => ({ fix: { file: '/f', description: '', edits: edits.map(([start, end, text]) => ({ start, end, text })) } });

describe('selectFixes', () => {
  it('keeps fixes that do not overlap, in file order, and defers the rest', () => {
    const a = fix([[0, 3, 'x']]);
    const b = fix([[2, 5, 'y']]);
    const c = fix([[5, 5, 'z']]);
    const d = fix([[5, 5, 'w']]);
    expect(selectFixes([b, c, a, d])).toEqual([a, c]);
  });

  it('takes a fix with several edits whole or not at all', () => {
    const multi = fix([
      [0, 1, 'a'],
      [10, 11, 'b'],
    ]);
    const clash = fix([[10, 12, 'c']]);
    expect(selectFixes([multi, clash])).toEqual([multi]);
  });
});

describe('applyEdits', () => {
  it('applies edits by offset', () => {
    expect(applyEdits('hello world', [{ start: 6, end: 11, text: 'there' }, { start: 0, end: 0, text: '> ' }])).toBe('> hello there');
  });

  it('turns inserted line breaks into CRLF in a CRLF file', () => {
    expect(applyEdits('a\r\nb\r\n', [{ start: 3, end: 3, text: 'x\n' }])).toBe('a\r\nx\r\nb\r\n');
    expect(applyEdits('a\nb\n', [{ start: 2, end: 2, text: 'x\n' }])).toBe('a\nx\nb\n');
  });
});
