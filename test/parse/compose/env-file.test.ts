import { describe, expect, it } from 'vitest';
import { envFileEntries } from '../../../src/parse/compose/env-file.js';

describe('envFileEntries', () => {
  it('reads keys and values with where they are written', () => {
    const text = '# comment\nA=1\nexport B="two words"\nC=\'single # kept\'\nD=x # trailing\nBARE\nE: yaml-style\n\nF="multi\nline"\nG=\n';
    const entries = envFileEntries(text);
    expect(entries.map((e) => [e.key, e.value, e.bare, e.line, text.slice(e.keySpan.start, e.keySpan.end), text.slice(e.valueSpan.start, e.valueSpan.end)])).toEqual([
      ['A', '1', false, 2, 'A', '1'],
      ['B', 'two words', false, 3, 'B', '"two words"'],
      ['C', 'single # kept', false, 4, 'C', "'single # kept'"],
      ['D', 'x', false, 5, 'D', 'x'],
      ['BARE', '', true, 6, 'BARE', ''],
      ['E', 'yaml-style', false, 7, 'E', 'yaml-style'],
      ['F', 'multi\nline', false, 9, 'F', '"multi\nline"'],
      ['G', '', false, 11, 'G', ''],
    ]);
  });

  it('skips lines that are not assignments', () => {
    expect(envFileEntries('not an assignment\n=value\n1X=2\n')).toEqual([]);
  });
});
