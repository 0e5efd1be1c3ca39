/**
 * Minimal text edits to compose YAML that keep comments and formatting:
 * append pairs to a block mapping or items to a block sequence with the
 * file's own indentation and line endings, replace a scalar, remove a pair's
 * line. Every helper returns undefined when it cannot edit safely (flow
 * style, a value written on the key's line…); the rule then offers no fix.
 */
import type { TextEdit } from '../../../src/core/diagnostic.js';
import type { FixDescriptor } from '../../../src/core/rule.js';
import type { SourceFile } from '../../../src/core/source.js';
import { isMap, isSeq, type YMap, type YNode, type YScalar, type YSeq } from '../../../src/parse/yaml/nodes.js';
import type { ComposeService } from '../../../src/parse/compose/document.js';
import { originOf } from '../../../src/parse/compose/nodes.js';
import { nodesUnder } from '../../../src/parse/compose/values.js';

const eols = new WeakMap<SourceFile, string>();

/** The file's line ending (looked up once per file). */
export function eolOf(file: SourceFile): string {
  let eol = eols.get(file);
  if (eol === undefined) eols.set(file, (eol = file.text.includes('\r\n') ? '\r\n' : '\n'));
  return eol;
}

/** 0-based column of an offset. */
export const columnOf = (file: SourceFile, offset: number): number => file.lines.position(offset).column - 1;

export const lineStartOf = (file: SourceFile, offset: number): number => file.lines.lineStarts[file.lines.position(offset).line - 1]!;

/** The node is written as a block (its text starts a line's content), not in flow style or on one line. */
function isBlock(file: SourceFile, node: YMap | YSeq): boolean {
  if (node.flow) return false;
  const text = file.text.slice(node.start, node.end);
  return text.trim() !== '';
}

/**
 * Indentation step of a block collection: its column minus the column of the
 * key that holds it; 2 when that cannot be told.
 */
export function indentStep(file: SourceFile, node: YMap | YSeq, parentKey?: YScalar): number {
  // The key may be another file's (an override's key over a base's mapping): then the file's own step.
  if (!parentKey) return 2;
  if (parentKey.file !== file) return fileIndent(file);
  const step = columnOf(file, node.start) - columnOf(file, parentKey.start);
  return step > 0 ? step : 2;
}

const indents = new WeakMap<SourceFile, number>();

/** The indentation of the file's first indented line (2 when there is none). */
function fileIndent(file: SourceFile): number {
  let step = indents.get(file);
  if (step === undefined) {
    const m = /^( +)[^\s#-]/m.exec(file.text);
    indents.set(file, (step = m ? m[1]!.length : 2));
  }
  return step;
}

/**
 * Appends lines to a block mapping, after its last entry. `lines` are relative
 * to the mapping's key column; `unit` is one indentation step of the file, for
 * building nested lines. Edits go to the file that holds the mapping (`map.file`;
 * `_file`, the file under lint, is the same unless the mapping comes from another
 * file of a merged project).
 */
export function appendToMap(
  _file: SourceFile,
  merged: YMap,
  build: (unit: string) => string[],
  parentKey?: YScalar,
): TextEdit | undefined {
  // A mapping of the merged model: edit the one written in the file (a list turned into a mapping cannot take pairs).
  const map = originOf(merged);
  if (!isMap(map)) return undefined;
  const file = map.file;
  if (!isBlock(file, map)) return undefined;
  const col = columnOf(file, map.start);
  // The mapping must start its line (not `- key: v` items, whose continuation we can still align to).
  const lineStart = lineStartOf(file, map.start);
  const before = file.text.slice(lineStart, map.start);
  if (!/^[ \t]*(?:-[ \t]+)*$/.test(before)) return undefined;
  const unit = ' '.repeat(indentStep(file, map, parentKey));
  const lines = build(unit);
  // Never write a key the mapping already has (one a later file removed with `!reset` is still written here).
  for (const line of lines) {
    const key = /^([^\s#:][^:]*):(?:\s|$)/.exec(line)?.[1];
    if (key !== undefined && map.pair(key.trim().replace(/^(["'])(.*)\1$/, '$2'))) return undefined;
  }
  return insertLines(file, map.end, ' '.repeat(col), lines);
}

/** Appends items (`- item` lines, without the dash) to a block sequence, or `, item` to a flow one. */
export function appendToSeq(_file: SourceFile, merged: YSeq, items: string[]): TextEdit | undefined {
  // A sequence of the merged model: edit the one written in the file (a string turned into a list cannot take items).
  const seq = originOf(merged);
  if (!isSeq(seq)) return undefined;
  const file = seq.file;
  if (seq.flow) {
    const close = seq.end - 1;
    if (file.text[close] !== ']') return undefined;
    let last = close - 1;
    while (last > seq.start && /\s/.test(file.text[last]!)) last--;
    const empty = file.text[last] === '[';
    return { start: last + 1, end: last + 1, text: `${empty ? '' : ', '}${items.join(', ')}` };
  }
  if (!isBlock(file, seq)) return undefined;
  const col = columnOf(file, seq.start);
  if (file.text[seq.start] !== '-') return undefined;
  return insertLines(file, seq.end, ' '.repeat(col), items.map((i) => `- ${i}`));
}

function insertLines(file: SourceFile, at: number, indent: string, lines: string[]): TextEdit {
  const eol = eolOf(file);
  // A block collection ends after its last line break; at the end of a file it may not.
  let pos = at;
  while (pos > 0 && (file.text[pos - 1] === ' ' || file.text[pos - 1] === '\t')) pos--;
  const atLineStart = pos === 0 || file.text[pos - 1] === '\n';
  const body = lines.map((l) => `${indent}${l}`).join(eol);
  return atLineStart ? { start: pos, end: pos, text: `${body}${eol}` } : { start: at, end: at, text: `${eol}${body}` };
}

/** Replaces a scalar's text (quotes included). */
export const replaceNode = (node: YNode, text: string): TextEdit => ({ start: node.start, end: node.end, text });

/**
 * Removes a `key: value` pair written on its own line(s) in a block mapping,
 * comment on the same line included. Undefined when the key shares its line
 * with something else.
 */
export function removePairLines(_file: SourceFile, keyNode: YScalar, value: YNode): TextEdit | undefined {
  const file = keyNode.file;
  if (value.file !== file) return undefined; // a key whose value another file of a merged project set
  const start = lineStartOf(file, keyNode.start);
  if (file.text.slice(start, keyNode.start).trim() !== '') return undefined;
  const lastLine = file.lines.position(Math.max(value.end - 1, keyNode.end)).line;
  const next = file.lines.lineStarts[lastLine];
  return { start, end: next ?? file.text.length, text: '' };
}

/** A fix in the file that holds the nodes it edits. */
export function fixIn(node: YNode, description: string, edits: TextEdit[]): FixDescriptor {
  return { description, edits, file: node.file };
}

/**
 * Which services reach each node (through aliases and merge keys several
 * may share one). An edit to a node is safe for a rule when every service that
 * reaches it needs that same edit.
 */
export function nodeUsers(services: readonly ComposeService[]): Map<YNode, Set<string>> {
  const users = new Map<YNode, Set<string>>();
  const use = (n: YNode, name: string) => {
    let set = users.get(n);
    if (!set) users.set(n, (set = new Set()));
    set.add(name);
  };
  for (const s of services) {
    for (const n of nodesUnder(s.node)) {
      use(n, s.name);
      // A collection the merged model made from a written one (an override merged into an anchor's
      // mapping): the written one is what an edit changes, for this service too.
      if (n.type === 'scalar') continue;
      const origin = originOf(n);
      if (origin !== n) use(origin, s.name);
    }
    let set = users.get(s.keyNode);
    if (!set) users.set(s.keyNode, (set = new Set()));
    set.add(s.name);
  }
  return users;
}

/** True when every service that reaches `node` (or the written node it stands on) is in `needing`. */
export function sharedSafely(users: Map<YNode, Set<string>>, node: YNode, needing: ReadonlySet<string>): boolean {
  for (const n of new Set([node, originOf(node)])) {
    const u = users.get(n);
    if (!u) continue;
    for (const name of u) if (!needing.has(name)) return false;
  }
  return true;
}

/** `"value"` in the quote style asked for, escaping as YAML needs. */
export function quote(value: string, style: 'double' | 'single' = 'double'): string {
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
