import { describe, expect, it } from 'vitest';
import { interpolate, parseDotenv } from '../../../src/parse/compose/interpolate.js';

const env = new Map([
  ['SET', 'value'],
  ['EMPTY', ''],
]);

describe('interpolate', () => {
  it.each([
    ['$SET and ${SET}', 'value and value'],
    ['${UNSET:-default}', 'default'],
    ['${EMPTY:-default}', 'default'],
    ['${EMPTY-default}', ''],
    ['${UNSET-default}', 'default'],
    ['${SET:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['$$SET costs $$5', '$SET costs $5'],
    ['${UNSET:-${SET}-x}', 'value-x'],
    ['${UNSET:-127.0.0.1}:5432:5432', '127.0.0.1:5432:5432'],
    ['price: $ 5', 'price: $ 5'],
  ])('%s → %s', (input, expected) => {
    expect(interpolate(input, env).value).toBe(expected);
  });

  it('lists unset variables and required ones', () => {
    const out = interpolate('${A} ${B:?B is required} ${SET:?never}', env);
    expect(out.unset).toEqual(['A']);
    expect(out.required).toEqual([{ name: 'B', message: 'B is required' }]);
  });

  it('reports malformed expressions with their offsets', () => {
    const out = interpolate('x ${} y ${VAR', env);
    expect(out.errors.map((e) => [e.start, e.end])).toEqual([
      [2, 5],
      [8, 13],
    ]);
    expect(interpolate('${A:x}', env).errors[0]!.message).toContain('invalid interpolation format for "${A:x}"');
  });
});

describe('parseDotenv', () => {
  it('reads KEY=VALUE lines, quotes, export and comments', () => {
    const parsed = parseDotenv('# comment\nA=1\nexport B="two words"\nC=\'single # kept\'\nD=x # trailing\n\nE="multi\nline"\n');
    expect(Object.fromEntries(parsed)).toEqual({ A: '1', B: 'two words', C: 'single # kept', D: 'x', E: 'multi\nline' });
  });
});
