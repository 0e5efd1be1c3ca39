/**
 * Shared by the CI readers: a YAML document with line numbers, and the command
 * lines of a `run:`/`script:` value, numbered as they stand in the file.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { CommandLine } from './commands.js';

export interface YamlFile {
  readonly root: Node | null | undefined;
  lineOf(node: Node | null | undefined): number;
}

export function readYaml(text: string): YamlFile | undefined {
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  } catch {
    return undefined;
  }
  if (doc.errors.length) return undefined;
  return { root: doc.contents as Node | null, lineOf: (n) => (n?.range ? lineCounter.linePos(n.range[0]).line : 1) };
}

/** A mapping's value by key; undefined when the node is no mapping or lacks the key. */
export function get(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) if (isScalar(pair.key) && pair.key.value === key) return (pair.value ?? undefined) as Node | undefined;
  return undefined;
}

export function entries(node: unknown): [string, Node][] {
  if (!isMap(node)) return [];
  return node.items.flatMap((p) => (isScalar(p.key) && p.value ? [[String(p.key.value), p.value as Node] as [string, Node]] : []));
}

export function str(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && typeof node.value !== 'object' ? String(node.value) : undefined;
}

/** Variables of an `env:`/`variables:` mapping (GitLab's `{ value: x }` form too). */
export function variablesOf(node: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of entries(node)) out.set(k, str(v) ?? str(get(v, 'value')) ?? '');
  return out;
}

/** The command lines of a scalar (`run: |` block or one line), numbered as in the file. */
export function scalarLines(node: unknown, file: YamlFile, text: string): CommandLine[] {
  if (!isScalar(node) || typeof node.value !== 'string') return [];
  const first = file.lineOf(node);
  const at = node.range?.[0] ?? 0;
  const block = text[at] === '|' || text[at] === '>';
  return node.value.split('\n').map((t, i) => ({ text: t, line: first + (block ? 1 : 0) + i }));
}

/** A `script:` value: one string or a list of strings (each its own line in the file). */
export function scriptLines(node: unknown, file: YamlFile, text: string): CommandLine[] {
  if (isSeq(node)) return node.items.flatMap((item) => scalarLines(item, file, text));
  return scalarLines(node, file, text);
}
