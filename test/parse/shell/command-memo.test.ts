import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../src/parse/dockerfile/document.js';
import { commandMemoStats, setCommandMemo } from '../../../src/parse/shell/command-memo.js';
import { getShellParser } from '../../../src/parse/shell/index.js';
import { setTreeMemo } from '../../../src/parse/shell/tree-memo.js';
import type { ShellDocument, ShNode } from '../../../src/parse/shell/types.js';
import { variableWrites } from '../../../src/parse/shell/vars.js';
import { createSourceFile, type SourceFile } from '../../../src/core/source.js';
import { FIXTURES, SHARED } from '../../helpers/lint.js';
import { shellAndDockerfiles } from './helpers.js';


/** The shell texts to try: whole scripts, and every `RUN` body and heredoc script of the Dockerfiles. */
async function texts(): Promise<{ text: string; baseOffset: number }[]> {
  const shell = await getShellParser();
  const out: { text: string; baseOffset: number }[] = [];
  for (const p of [...shellAndDockerfiles(path.join(FIXTURES, 'shell')), ...shellAndDockerfiles(path.join(FIXTURES, 'dockerfile')), ...shellAndDockerfiles(path.join(SHARED, 'corpus'))]) {
    const text = readFileSync(p, 'utf8');
    if (/Dockerfile/.test(path.basename(p))) {
      const doc = parseDockerfile(createSourceFile({ path: p, relPath: p, kind: 'dockerfile', text }), shell);
      for (const s of doc.scripts) out.push({ text: s.text, baseOffset: s.baseOffset });
    } else out.push({ text, baseOffset: 0 });
  }
  return out;
}

/**
 * Every object reachable from the commands, in a canonical form: objects are
 * numbered in the order first met (so sharing and cycles show), offsets are
 * given relative to the document, nodes by place and whether they are under
 * the document's root.
 */
function dump(doc: ShellDocument, graph: object = doc.commands): string {
  const ids = new Map<object, number>();
  const base = doc.baseOffset;
  const top = (n: ShNode): ShNode => (n.parent ? top(n.parent) : n);
  const show = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const seen = ids.get(v);
    if (seen !== undefined) return `#${seen}`;
    ids.set(v, ids.size);
    if ('children' in v && 'type' in v) {
      const n = v as ShNode;
      expect(n.file).toBe(doc.file);
      return `node ${n.type} ${n.field} ${n.start - base}-${n.end - base} ${top(n) === doc.root ? 'root' : `other ${top(n).start - base}`} ${JSON.stringify(n.text)} ${n.isError}`;
    }
    if (Array.isArray(v)) return v.map(show);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'file') {
        expect(x).toBe(doc.file);
        out[k] = 'file';
      } else if ((k === 'start' || k === 'end') && typeof x === 'number') out[k] = x - base;
      else out[k] = show(x);
    }
    return out;
  };
  return JSON.stringify(show(graph));
}

/** Every object of a command graph (nodes included), to check that a copy shares none with its template. */
function objects(graph: object): Set<object> {
  const out = new Set<object>();
  const add = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || out.has(v)) return;
    out.add(v);
    if ('children' in v && 'type' in v) return;
    for (const x of Object.values(v)) add(x);
  };
  add(graph);
  return out;
}

describe('commands and variable writes of a text seen before', () => {
  afterAll(() => {
    setTreeMemo(true);
    setCommandMemo(true);
  });

  it('are copied exactly as a fresh build gives them, at their own offsets, in their own file (fixtures and corpus)', async () => {
    const parser = await getShellParser();
    const all = await texts();
    expect(all.length).toBeGreaterThan(300);
    const fileA = createSourceFile({ path: '/a/Dockerfile', relPath: 'a/Dockerfile', kind: 'dockerfile', text: '' });
    const fileB = createSourceFile({ path: '/b/Dockerfile', relPath: 'b/Dockerfile', kind: 'dockerfile', text: '' });
    const at = (file: SourceFile, text: string, baseOffset: number) => parser.parse({ file, text, baseOffset, dialect: 'bash' });
    let copied = 0;
    const before = { ...commandMemoStats };
    for (const { text, baseOffset } of all) {
      setTreeMemo(false);
      setCommandMemo(false);
      const fresh = at(fileB, text, baseOffset + 7);
      const expected = dump(fresh);
      const expectedWrites = dump(fresh, variableWrites(fresh));
      setTreeMemo(true);
      setCommandMemo(true);
      variableWrites(at(fileA, text, baseOffset)); // first: remembered tree
      const template = at(fileA, text, baseOffset + 3); // second: its commands and writes are recorded
      const templateObjects = objects([template.commands, variableWrites(template)]);
      const copy = at(fileB, text, baseOffset + 7);
      expect(dump(copy)).toBe(expected);
      expect(dump(copy, variableWrites(copy))).toBe(expectedWrites);
      for (const o of objects([copy.commands, variableWrites(copy)])) expect(templateObjects.has(o)).toBe(false);
      copied++;
    }
    expect(copied).toBe(all.length);
    expect(commandMemoStats.gaveUp - before.gaveUp).toBe(0);
    // texts longer than the memo's limit are built afresh
    expect(commandMemoStats.copied - before.copied).toBeGreaterThan(all.length * 2 * 0.9); // commands and writes
  }, 120_000);
});
