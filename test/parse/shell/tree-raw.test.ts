import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Parser } from 'web-tree-sitter';
import { getShellParser } from '../../../src/parse/shell/index.js';
import { setTreeMemo } from '../../../src/parse/shell/tree-memo.js';
import { rawCursorBinding, setRawCursorBinding } from '../../../src/parse/shell/tree.js';
import type { ShNode } from '../../../src/parse/shell/types.js';
import { FIXTURES, SHARED } from '../../helpers/lint.js';
import { shellAndDockerfiles, shellFile } from './helpers.js';

const dump = (n: ShNode): string => `${n.type}|${n.named}|${n.field}|${n.start}|${n.end}|${n.isError}(${n.children.map(dump).join(',')})`;


describe('the direct tree walk', () => {
  afterAll(async () => {
    await getShellParser();
    setTreeMemo(true);
    setRawCursorBinding(rawCursorBinding((Parser as unknown as Record<symbol, Record<string, unknown>>)[Symbol.for('stack-lint.tree-sitter-binding')]!));
  });

  it('gives exactly the nodes the JS cursor API gives (fixtures, corpus, errors, unicode, heredoc fix-ups)', async () => {
    const parser = await getShellParser();
    const binding = rawCursorBinding((Parser as unknown as Record<symbol, Record<string, unknown>>)[Symbol.for('stack-lint.tree-sitter-binding')]!);
    expect(binding).toBeDefined();
    // Both walks must really run: no tree rebuilt from an earlier parse of the same text.
    setTreeMemo(false);
    const texts = [
      'a && b; (c',
      'if then fi',
      'echo "héllo €" 😀; ls',
      'cat <<EOF; echo after\nbody\nEOF\nls -l\n',
      "sh -c 'echo \"inner\" && ls' | tee x 2>&1 >/dev/null",
      'for i do echo $i; done',
      '',
      ...[...shellAndDockerfiles(path.join(FIXTURES, 'shell')), ...shellAndDockerfiles(path.join(SHARED, 'corpus'))].map((f) => readFileSync(f, 'utf8')),
    ];
    let nodes = 0;
    for (const text of texts) {
      const file = shellFile(text);
      setRawCursorBinding(binding);
      const fast = parser.parse({ file });
      setRawCursorBinding(undefined);
      const slow = parser.parse({ file });
      expect(dump(fast.root)).toBe(dump(slow.root));
      expect(fast.commands.map((c) => [c.name, c.start, c.end])).toEqual(slow.commands.map((c) => [c.name, c.start, c.end]));
      nodes += dump(fast.root).split('(').length;
    }
    expect(nodes).toBeGreaterThan(1000);
  }, 60_000);
});
