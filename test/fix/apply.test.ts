import { describe, expect, it } from 'vitest';
import { applyEdits, selectFixes } from '../../src/fix/apply.js';

const fix = (edits: [number, number, string][]) => ({ fix: { file: '/f', description: '', edits: edits.map(([start, end, text]) => ({ start, end, text })) } });

describe('selectFixes', () => {
  it('a fix with edits far apart is checked against every edit taken, not only its first', () => {
    const wide = fix([[0, 1, 'a'], [100, 101, 'b']]);
    const inside = fix([[50, 51, 'c']]);
    const clash = fix([[100, 100, 'd'], [100, 102, 'e']]);
    expect(selectFixes([clash, inside, wide])).toEqual([wide, inside]);
  });

  it('tens of thousands of fixes (a large file) are chosen as few would be', () => {
    // Each line's fix, and every tenth line a second one overlapping it, deferred.
    const fixes = Array.from({ length: 20_000 }, (_, i) => fix([[i * 10, i * 10 + 4, 'x']]));
    const clashing = fixes.filter((_, i) => i % 10 === 0).map((_, k) => fix([[k * 100 + 2, k * 100 + 3, 'y']]));
    const chosen = selectFixes([...clashing, ...fixes].reverse());
    expect(chosen).toHaveLength(fixes.length);
    expect(chosen.every((c, i) => c === fixes[i])).toBe(true);
  });

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
