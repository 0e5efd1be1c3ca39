import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from '../../src/config/index.js';

describe('suggest', () => {
  it('counts edits, transpositions as one', () => {
    expect(editDistance('image', 'image')).toBe(0);
    expect(editDistance('imag', 'image')).toBe(1);
    expect(editDistance('imgae', 'image')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  const ids = ['compose/image-pinned', 'compose/no-debug-in-production', 'dockerfile/non-root-user', 'dockerfile/apt-pinned'];

  it('finds the nearest id, on the whole id or the part after "/"', () => {
    expect(suggest('compose/imag-pinned', ids)).toBe('compose/image-pinned');
    expect(suggest('Compose/Image-Pinned', ids)).toBe('compose/image-pinned');
    expect(suggest('compose/non-root-user', ids)).toBe('dockerfile/non-root-user');
    expect(suggest('non-root-usr', ids)).toBe('dockerfile/non-root-user');
    expect(suggest('dockerfile/apt-pined', ids)).toBe('dockerfile/apt-pinned');
  });

  it('suggests nothing when nothing is near', () => {
    expect(suggest('compose/healthcheck-required', ids)).toBeUndefined();
    expect(didYouMean('DL9999', ['DL3008'])).toBe('');
    expect(didYouMean('rule', ['rules', 'ignores'])).toBe('; did you mean "rules"?');
  });
});
