import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildYamlTree, YamlExpansionError } from '../../../src/parse/yaml/build.js';
import { at, isMap, scalarText, toJS } from '../../../src/parse/yaml/nodes.js';
import { createSourceFile } from '../../../src/core/source.js';

function tree(text: string) {
  const file = createSourceFile({ path: '/x/compose.yaml', relPath: 'compose.yaml', kind: 'compose', text });
  return { file, root: buildYamlTree(parseDocument(text, { merge: true, uniqueKeys: false }), file) };
}

describe('the YAML tree', () => {
  it('expands merge keys, explicit keys winning, and keeps the anchor text positions', () => {
    const { file, root } = tree('x-base: &base\n  restart: always\n  image: redis\nservices:\n  cache:\n    <<: *base\n    image: redis:7\n');
    const cache = at(root, 'services', 'cache');
    expect(isMap(cache) && cache.pairs.map((p) => [p.key, p.merged])).toEqual([
      ['image', false],
      ['restart', true],
    ]);
    const restart = at(cache, 'restart')!;
    expect(file.lines.position(restart.start)).toMatchObject({ line: 2, column: 12 });
    expect(scalarText(at(cache, 'image'))).toBe('redis:7');
  });

  it('merges several sources in order, the first one winning', () => {
    const { root } = tree('a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n');
    expect(toJS(at(root, 'c'))).toEqual({ x: 1, y: 1, z: 2 });
  });

  it('records duplicate keys instead of losing them', () => {
    const { file, root } = tree('services:\n  web: {}\n  web: {image: x}\n');
    const services = at(root, 'services');
    expect(isMap(services) && services.duplicates.map((p) => file.lines.position(p.keyNode.start).line)).toEqual([3]);
  });

  it('keeps !reset and !override tags', () => {
    const { root } = tree('services:\n  web:\n    ports: !reset []\n    environment: !override\n      A: "1"\n');
    expect(at(root, 'services', 'web', 'ports')!.tag).toBe('!reset');
    expect(at(root, 'services', 'web', 'environment')!.tag).toBe('!override');
  });

  it('reads the values after !reset and !override as untagged plain scalars', () => {
    const { root } = tree('a: !reset null\nb: !reset\nc: !override 8080\nd: !override "8080"\ne: !override true\n');
    expect(['a', 'b', 'c', 'd', 'e'].map((k) => (at(root, k) as { value: unknown }).value)).toEqual([null, null, 8080, '8080', true]);
  });

  it('shares aliased subtrees instead of copying them, and refuses an alias bomb', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 7; i++) lines.push(`${'abcdefg'[i]}: &${'abcdefg'[i]} [${Array(10).fill(`*${'abcdefg'[i - 1]}`).join(', ')}]`);
    expect(() => tree(lines.join('\n'))).toThrow(YamlExpansionError);
    const small = tree('a: &a [x, y]\nb: [*a, *a]\n').root;
    const b = at(small, 'b');
    expect(b?.type === 'seq' && b.items[0] === b.items[1]).toBe(true);
  });
});
