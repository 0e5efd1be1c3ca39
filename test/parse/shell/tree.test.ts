import { afterEach, describe, expect, it, vi } from 'vitest';
import { Parser, Tree } from 'web-tree-sitter';
import { findGrammarWasm, findNodes, getShellParser, getShellParserSync } from '../../../src/parse/shell/index.js';
import { setTreeMemo } from '../../../src/parse/shell/tree-memo.js';
import { insertionMap, mayContain } from '../../../src/parse/shell/tree.js';
import type { ShNode } from '../../../src/parse/shell/types.js';
import { createSourceFile } from '../../../src/core/source.js';
import { parse, shellFile } from './helpers.js';

describe('tree-sitter setup', () => {
  it('returns the same parser instance every time', async () => {
    const [a, b] = await Promise.all([getShellParser(), getShellParser()]);
    expect(a).toBe(b);
    expect(await getShellParser()).toBe(a);
    expect(getShellParserSync()).toBe(a);
  });

  it('finds the grammar wasm in the tree-sitter-bash package', () => {
    expect(findGrammarWasm()).toMatch(/tree-sitter-bash[\\/]tree-sitter-bash\.wasm$/);
  });
});

describe('tree conversion', () => {
  it('copies named and anonymous children with fields', async () => {
    const doc = await parse('ls -l /tmp; echo hi');
    const root = doc.root;
    expect(root.type).toBe('program');
    expect(root.parent).toBeUndefined();
    expect(root.children.map((c) => [c.type, c.named, c.start, c.end])).toEqual([
      ['command', true, 0, 10],
      [';', false, 10, 11],
      ['command', true, 12, 19],
    ]);
    const ls = root.children[0]!;
    expect(ls.children.map((c) => [c.field, c.type, c.text])).toEqual([
      ['name', 'command_name', 'ls'],
      ['argument', 'word', '-l'],
      ['argument', 'word', '/tmp'],
    ]);
    expect(ls.children[0]!.parent).toBe(ls);
    expect(ls.children[0]!.children[0]!.type).toBe('word');
    expect(ls.file).toBe(doc.file);
    expect(ls.isError).toBe(false);
  });

  it('reports offsets in UTF-16 code units for non-ASCII text', async () => {
    const text = 'echo "héllo €" 😀; ls';
    const doc = await parse(text);
    const echo = doc.root.children[0]!;
    const str = echo.children[1]!;
    expect(str.type).toBe('string');
    expect([str.start, str.end]).toEqual([5, 14]);
    expect(str.text).toBe('"héllo €"');
    const emoji = echo.children[2]!;
    expect([emoji.start, emoji.end]).toEqual([15, 17]); // 😀 is two UTF-16 code units
    expect(emoji.text).toBe('😀');
    const ls = doc.root.children[2]!;
    expect(ls.start).toBe(text.indexOf('ls'));
    expect(ls.start).toBe(19);
  });

  it('marks ERROR and MISSING nodes', async () => {
    const doc = await parse('a && b; (c');
    expect(doc.hasErrors).toBe(true);
    const missing = findNodes(doc.root, ')').find((n) => n.isError);
    expect(missing).toBeDefined();
    expect(missing!.start).toBe(missing!.end);

    const doc2 = await parse('if then fi');
    expect(doc2.root.children[0]!.type).toBe('ERROR');
    expect(doc2.root.children[0]!.isError).toBe(true);

    expect((await parse('echo ok')).hasErrors).toBe(false);
  });

  it('shifts offsets by baseOffset so they point into the file', async () => {
    const fileText = 'FROM debian\nRUN apt-get update && \\\n    apt-get install -y curl\nUSER app\n';
    const file = createSourceFile({ path: '/repo/Dockerfile', relPath: 'Dockerfile', kind: 'dockerfile', text: fileText });
    const bodyStart = fileText.indexOf('apt-get');
    const bodyEnd = fileText.indexOf('\nUSER');
    const parser = await getShellParser();
    const doc = parser.parse({ file, text: fileText.slice(bodyStart, bodyEnd), baseOffset: bodyStart, dialect: 'sh' });
    expect(doc.baseOffset).toBe(bodyStart);
    expect(doc.root.start).toBe(bodyStart);
    const yes = doc.commands[1]!.args.find((a) => a.value === '-y')!;
    expect(yes.start).toBe(fileText.indexOf('-y'));
    expect(fileText.slice(yes.start, yes.end)).toBe('-y');
    expect(yes.node.text).toBe('-y');
    expect(file.lines.position(yes.start)).toMatchObject({ line: 3, column: 21 });
  });

  it('maps offsets back after fixing a heredoc delimiter followed by `;`', async () => {
    const text = 'cat <<EOF; echo after\nbody\nEOF\nls -l\n';
    const doc = await parse(text);
    const start = findNodes(doc.root, 'heredoc_start')[0]!;
    expect(start.text).toBe('EOF');
    expect(start.start).toBe(6);
    const body = findNodes(doc.root, 'heredoc_body')[0]!;
    expect(body.text).toBe('body\n');
    const ls = doc.commands.find((c) => c.name === 'ls')!;
    expect(ls.start).toBe(text.indexOf('ls -l'));
    expect(ls.args[0]!.start).toBe(text.indexOf('-l'));
  });

  it('rebuilds a text parsed before exactly as a fresh parse gives it, at its own offset and file', async () => {
    const dump = (n: ShNode): string => `${n.type}|${n.named}|${n.field}|${n.start}|${n.end}|${n.isError}|${n.text}(${n.children.map(dump).join(',')})`;
    const parser = await getShellParser();
    const body = 'cat <<EOF; echo after\nbody\nEOF\nsh -c \'ls "$x"\' | (c\nif then fi\n';
    const fileText = `FROM x\nRUN ${body}`;
    const dockerfile = createSourceFile({ path: '/repo/Dockerfile', relPath: 'Dockerfile', kind: 'dockerfile', text: fileText });
    const script = shellFile(body);
    let parseSpy: ReturnType<typeof vi.spyOn> | undefined;
    try {
      setTreeMemo(false);
      const freshRun = parser.parse({ file: dockerfile, text: body, baseOffset: 11, dialect: 'sh' });
      const freshScript = parser.parse({ file: script });
      setTreeMemo(true);
      parser.parse({ file: script }); // remembered
      parseSpy = vi.spyOn(Parser.prototype, 'parse');
      const run = parser.parse({ file: dockerfile, text: body, baseOffset: 11, dialect: 'sh' });
      const again = parser.parse({ file: script });
      expect((parseSpy.mock.calls as unknown[][]).map((c) => c[0])).not.toContain(body);
      expect(dump(run.root)).toBe(dump(freshRun.root));
      expect(dump(again.root)).toBe(dump(freshScript.root));
      expect(run.hasErrors).toBe(true);
      expect(run.root.file).toBe(dockerfile);
      expect(again.root.children[0]!.file).toBe(script);
      const cmds = (d: typeof run) => d.commands.map((c) => [c.name, c.start, c.end, c.file?.path]);
      expect(cmds(run)).toEqual(cmds(freshRun));
      expect(cmds(again)).toEqual(cmds(freshScript));
    } finally {
      parseSpy?.mockRestore();
      setTreeMemo(true);
    }
  });

  it('insertionMap maps modified indexes back', () => {
    // original "ab;cd" with a space inserted before index 2 → "ab ;cd"
    const map = insertionMap([2]);
    expect([0, 1, 2, 3, 4, 5, 6].map(map)).toEqual([0, 1, 2, 2, 3, 4, 5]);
    const two = insertionMap([1, 3]); // "abcd" → "a bc d"
    expect([0, 1, 2, 3, 4, 5, 6].map(two)).toEqual([0, 1, 1, 2, 3, 3, 4]);
  });
});

describe('memory', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    setTreeMemo(true);
  });

  it('deletes every tree-sitter tree it creates (1,000 parses)', async () => {
    const parser = await getShellParser();
    setTreeMemo(false); // every parse must reach tree-sitter

    const parseSpy = vi.spyOn(Parser.prototype, 'parse');
    const deleteSpy = vi.spyOn(Tree.prototype, 'delete');
    const file = shellFile(
      [
        '#!/bin/sh',
        'set -eu',
        'apt-get update && apt-get install -y curl | tee /tmp/log',
        'for f in *.txt; do sh -c "cat $f"; done',
        'cat <<EOF; echo done',
        'hello $(whoami)',
        'EOF',
        'sh -c \'echo "inner" && ls\'',
      ].join('\n'),
    );
    const started = performance.now();
    for (let i = 0; i < 1000; i++) parser.parse({ file });
    const ms = performance.now() - started;
    console.log(`1000 parses: ${ms.toFixed(0)} ms (${(ms / 1000).toFixed(2)} ms each)`);
    expect(parseSpy.mock.calls.length).toBeGreaterThanOrEqual(1000);
    expect(deleteSpy).toHaveBeenCalledTimes(parseSpy.mock.calls.length);
  });
});

describe('mayContain', () => {
  const typesUnder = (root: ShNode): Set<string> => {
    const out = new Set<string>();
    const stack = [root];
    while (stack.length) {
      const n = stack.pop()!;
      out.add(n.type);
      stack.push(...n.children);
    }
    return out;
  };
  const scripts = [
    'x=1\nfor f in "$@"; do echo `date` "$f"; done\ncase $x in a) :;; esac # note\n',
    'if [ -f /etc/x ]; then cp /etc/x /tmp/ && echo "ok $1"; fi\n',
    'echo "unterminated\n',
    'f() { local y=$(cmd); }\n',
  ];

  it('knows, for a parsed tree and a tree rebuilt from the memo, exactly the types it holds', async () => {
    for (const text of scripts) {
      for (const round of [0, 1]) {
        // The second parse of the same text is rebuilt from the tree memo.
        const root = (await parse(text, { path: `/repo/s${round}.sh` })).root;
        const present = typesUnder(root);
        for (const type of ['program', 'comment', 'for_statement', 'case_statement', 'command_substitution', 'variable_assignment', 'ERROR', 'declaration_command', 'heredoc_body']) {
          expect([text, round, type, mayContain(root, type)]).toEqual([text, round, type, present.has(type)]);
        }
      }
    }
  });

  it('answers true for a node it knows nothing of', async () => {
    const root = (await parse('echo hi\n')).root;
    expect(mayContain(root.children[0]!, 'for_statement')).toBe(true);
  });
});
