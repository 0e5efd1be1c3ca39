import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, yamlTooDeep, yamlTooDeepAt } from '../../../src/parse/yaml/depth.js';

const doc = (text: string) => parseDocument(text, { merge: true, uniqueKeys: false });

/** `levels` sequences, each anchored and holding an alias to the one before: nested `levels` deep through aliases. */
function aliasChain(levels: number): string {
  const lines = ['a0: &a0 [x]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [*a${i - 1}]`);
  return lines.join('\n') + '\n';
}

describe('yamlTooDeep', () => {
  it('finds exactly what the walk that keeps every height finds, aliases and cycles included', () => {
    const texts = [
      'services:\n  web:\n    image: nginx\n',
      // The top-level mapping, the sequences and the scalar: `levels + 2` deep.
      aliasChain(MAX_YAML_DEPTH - 2),
      aliasChain(MAX_YAML_DEPTH - 1),
      aliasChain(MAX_YAML_DEPTH),
      aliasChain(MAX_YAML_DEPTH + 5),
      'a: &a [*a, [*a]]\nb: *a\n',
      'a: &a {k: &k {x: *a}}\nb: {<<: *k, y: *a}\n',
      `x: ${'['.repeat(MAX_YAML_DEPTH - 1)}${']'.repeat(MAX_YAML_DEPTH - 1)}\n`,
      `x: ${'['.repeat(MAX_YAML_DEPTH)}${']'.repeat(MAX_YAML_DEPTH)}\n`,
      `a: &a ${'['.repeat(70)}${']'.repeat(70)}\nb: ${'['.repeat(60)}*a${']'.repeat(60)}\n`,
      `a: &a ${'['.repeat(60)}${']'.repeat(60)}\nb: ${'['.repeat(60)}*a${']'.repeat(60)}\n`,
      `{${'? '.repeat(5)}k: v}\n`,
    ];
    const results = texts.map((t) => {
      const d = doc(t);
      const fast = yamlTooDeep(d);
      expect(fast).toBe(yamlTooDeepAt(d));
      return fast === undefined;
    });
    expect(results).toEqual([true, true, false, false, false, true, true, true, false, false, true, true]);
  });
});
