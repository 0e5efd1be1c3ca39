import type { Locatable } from '../../core/rule.js';
import type { SourceFile } from '../../core/source.js';

/**
 * The YAML tree rules see: aliases replaced by what they point at and merge
 * keys (`<<: *x`) expanded into the mapping, while every node keeps the offsets
 * of the text that really holds it (the anchor's definition for merged content),
 * so a finding lands where the user can edit it.
 */
export type YNode = YMap | YSeq | YScalar;

interface YNodeBase extends Locatable {
  readonly file: SourceFile;
  /** Explicit tag such as `!reset` or `!override`. */
  readonly tag?: string;
  /** Anchor name, when the node defines one (`&base`). */
  readonly anchor?: string;
}

export interface YPair {
  readonly key: string;
  readonly keyNode: YScalar;
  readonly value: YNode;
  /** The pair came into this mapping through a merge key, from the anchored mapping. */
  readonly merged: boolean;
}

export interface YMap extends YNodeBase {
  readonly type: 'map';
  /** Pairs in order; merged pairs follow the explicit ones. Later duplicates are dropped (see `duplicates`). */
  readonly pairs: readonly YPair[];
  /** Keys written twice in this mapping (the later occurrences). */
  readonly duplicates: readonly YPair[];
  /** Flow style `{ a: 1 }` rather than block style. */
  readonly flow: boolean;
  get(key: string): YNode | undefined;
  pair(key: string): YPair | undefined;
}

export interface YSeq extends YNodeBase {
  readonly type: 'seq';
  readonly items: readonly YNode[];
  readonly flow: boolean;
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface YScalar extends YNodeBase {
  readonly type: 'scalar';
  /** The YAML 1.2 core-schema value (`22:22` is a string, `yes` is a string). */
  readonly value: string | number | boolean | null;
  readonly style: ScalarStyle;
  /** The scalar's source text, quotes included. */
  readonly source: string;
}

export const isMap = (n: YNode | undefined): n is YMap => n?.type === 'map';
export const isSeq = (n: YNode | undefined): n is YSeq => n?.type === 'seq';
export const isScalar = (n: YNode | undefined): n is YScalar => n?.type === 'scalar';

/** The scalar's value as a string (numbers and booleans stringified), or undefined for collections and null. */
export function scalarText(n: YNode | undefined): string | undefined {
  if (!n || n.type !== 'scalar' || n.value === null) return undefined;
  return String(n.value);
}

/** Follows a path of keys and indices: `at(root, 'services', 'web', 'ports', 0)`. */
export function at(node: YNode | undefined, ...path: (string | number)[]): YNode | undefined {
  let cur = node;
  for (const seg of path) {
    if (!cur) return undefined;
    if (typeof seg === 'number') cur = cur.type === 'seq' ? cur.items[seg] : undefined;
    else cur = cur.type === 'map' ? cur.get(seg) : undefined;
  }
  return cur;
}

/** Converts to plain JS (for schema validation). Aliased subtrees are shared, not copied. */
export function toJS(node: YNode | undefined, memo = new Map<YNode, unknown>()): unknown {
  if (!node) return null;
  const seen = memo.get(node);
  if (seen !== undefined) return seen;
  let out: unknown;
  if (node.type === 'scalar') out = node.value;
  else if (node.type === 'seq') out = node.items.map((i) => toJS(i, memo));
  else {
    const obj: Record<string, unknown> = {};
    for (const p of node.pairs) obj[p.key] = toJS(p.value, memo);
    out = obj;
  }
  memo.set(node, out);
  return out;
}
