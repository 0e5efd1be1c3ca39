import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildYamlTree } from '../../../src/parse/yaml/build.js';
import { at, type YScalar } from '../../../src/parse/yaml/nodes.js';
import { decodeScalarText } from '../../../src/parse/yaml/scalar-text.js';
import { createSourceFile } from '../../../src/core/source.js';

function scalar(text: string, ...path: (string | number)[]): { text: string; node: YScalar } {
  const file = createSourceFile({ path: '/x/compose.yaml', relPath: 'compose.yaml', kind: 'compose', text });
  const root = buildYamlTree(parseDocument(text, { merge: true, uniqueKeys: false }), file);
  return { text, node: at(root, ...path) as YScalar };
}

/** Each decoded character that is written as it is sits at its offset in the file. */
function expectConsistent(text: string, node: YScalar): void {
  const m = decodeScalarText(node);
  expect(m, `decodes ${JSON.stringify(node.source)}`).toBeDefined();
  expect(m!.text).toBe(node.value);
  m!.verbatim.forEach((v, i) => {
    if (v) expect(text[m!.offsets[i]!]).toBe(m!.text[i]);
  });
}

describe('decodeScalarText', () => {
  const cases: [string, string][] = [
    ['plain', 'a: echo hi  there\n'],
    ['plain folded', 'a: echo hi\n  there   \n\n  again\n'],
    ['single', "a: 'it''s   $$x'\n"],
    ['single folded', "a: 'one\n  two\n\n  three'\n"],
    ['double escapes', 'a: "say \\"hi\\"\\t\\\\ \\u00e9 \\x41"\n'],
    ['double folded and escaped break', 'a: "one \\\n   two\n   three"\n'],
    ['literal', 'a: |\n  echo $$x\n    indented\n\n  last\n'],
    ['literal strip', 'a: |-\n  echo\n  two\n\n'],
    ['literal keep', 'a: |+\n  echo\n\n\nb: 1\n'],
    ['folded', 'a: >\n  sh -c\n  "x"\n\n  y\n    more\n  back\n'],
    ['folded strip', 'a: >-\n  one\n  two\n'],
    ['in a list', 'a:\n  - sh\n  - -c\n  - |\n    set -e\n    echo "$$HOME"\n'],
  ];
  for (const [name, text] of cases) {
    it(`maps ${name} scalars`, () => {
      const path = text.includes('- |') ? ['a', 2] : ['a'];
      const { node } = scalar(text, ...path);
      expectConsistent(text, node);
    });
  }

  it('puts each character of a double-quoted scalar where it is written', () => {
    const { text, node } = scalar('a: "x \\"$$y\\" z"\n', 'a');
    const m = decodeScalarText(node)!;
    expect(m.text).toBe('x "$$y" z');
    // the quote comes from the escape `\"` at offset 6
    expect(m.offsets[2]).toBe(text.indexOf('\\"'));
    expect(m.verbatim[2]).toBe(false);
    expect(text[m.offsets[3]!]).toBe('$');
    expect(m.verbatim[3]).toBe(true);
  });

  it('maps a literal block line by line, indentation left out', () => {
    const { text, node } = scalar('a: |\n  one\n  two\n', 'a');
    const m = decodeScalarText(node)!;
    expect(m.text).toBe('one\ntwo\n');
    expect(m.offsets[4]).toBe(text.indexOf('two'));
  });

  it('gives up on what it does not read exactly', () => {
    expect(decodeScalarText(scalar('a: |2\n    x\n', 'a').node)).toBeUndefined();
    expect(decodeScalarText(scalar('a: 3\n', 'a').node)).toBeUndefined();
  });
});
