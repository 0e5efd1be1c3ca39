import {
  isAlias,
  isMap as isYamlMap,
  isScalar as isYamlScalar,
  isSeq as isYamlSeq,
  type Document,
  type Node as YamlNode,
  type Pair,
} from 'yaml';
import type { SourceFile } from '../../core/source.js';
import type { ScalarStyle, YMap, YNode, YPair, YScalar, YSeq } from './nodes.js';

/** Nodes that aliases may add beyond those written in the file before it counts as an alias bomb. */
export const MAX_ALIAS_EXPANSION = 100_000;

export class YamlExpansionError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

/**
 * Builds the rule-facing tree from a parsed yaml Document. Aliases resolve to the
 * very node built for their anchor (a DAG, never a copy), so alias bombs cost
 * memory linear in the text; their expanded size is still counted and capped
 * because schema validation and rules walk the expansion.
 */
export function buildYamlTree(doc: Document, file: SourceFile): YNode | undefined {
  // Only an anchored node can be reached a second time (through an alias): only those are remembered.
  const built = new Map<YamlNode, YNode>();
  const sizes = new Map<YNode, number>();
  /** Nodes built (each written node once). */
  let count = 0;
  /** Aliases met: without any, the tree is as written and nothing can expand it. */
  let aliases = 0;

  const build = (node: YamlNode | null | undefined, fallbackOffset: number): YNode => {
    if (!node) return nullScalar(file, fallbackOffset);
    if (isAlias(node)) {
      aliases++;
      const target = node.resolve(doc);
      if (!target) return nullScalar(file, node.range?.[0] ?? fallbackOffset);
      return build(target, fallbackOffset);
    }
    const anchored = Boolean(node.anchor);
    if (anchored) {
      const done = built.get(node);
      if (done) return done;
    }
    count++;
    let out: YNode;
    if (isYamlScalar(node)) {
      const range = node.range;
      const start = range ? range[0] : fallbackOffset;
      const end = range ? range[1] : fallbackOffset;
      // The yaml library leaves a scalar under a tag it does not know as a string;
      // compose's own tags (`!reset null`, `!override 8080`) keep the plain meaning.
      const value = node.tag && COMPOSE_TAGS.has(node.tag) && (node.type ?? 'PLAIN') === 'PLAIN' ? resolvePlain(String(node.value)) : node.value;
      const scalar: Writable<YScalar> = {
        type: 'scalar',
        value: normaliseScalar(value),
        style: STYLES[node.type ?? 'PLAIN'] ?? 'plain',
        source: file.text.slice(start, end),
        start,
        end,
        file,
      };
      if (node.tag) scalar.tag = node.tag;
      if (node.anchor) scalar.anchor = node.anchor;
      out = scalar;
    } else if (isYamlSeq(node)) {
      const [start, end] = rangeOf(node, fallbackOffset);
      const source = node.items;
      const items = new Array<YNode>(source.length);
      const seq: Writable<YSeq> = { type: 'seq', items, flow: Boolean(node.flow), start, end, file };
      addTagAndAnchor(seq, node);
      if (anchored) built.set(node, seq);
      for (let i = 0; i < source.length; i++) items[i] = build(source[i] as YamlNode, start);
      out = seq;
    } else if (isYamlMap(node)) {
      out = buildMap(node.items as Pair[], node, fallbackOffset, anchored);
    } else {
      out = nullScalar(file, fallbackOffset);
    }
    if (anchored) built.set(node, out);
    return out;
  };

  const buildMap = (items: Pair[], node: YamlNode, fallbackOffset: number, anchored: boolean): YMap => {
    const [start, end] = rangeOf(node, fallbackOffset);
    const pairs: YPair[] = [];
    const duplicates: YPair[] = [];
    // A small mapping (nearly all of them) is searched pair by pair; a larger one gets an index by key.
    let index: Map<string, YPair> | undefined;
    const find = (key: string): YPair | undefined => {
      if (index) return index.get(key);
      for (let i = 0; i < pairs.length; i++) if (pairs[i]!.key === key) return pairs[i];
      return undefined;
    };
    const add = (p: YPair): void => {
      pairs.push(p);
      if (index) index.set(p.key, p);
      else if (pairs.length > SMALL_MAP) {
        index = new Map();
        for (const q of pairs) index.set(q.key, q);
      }
    };
    const flow = Boolean((node as { flow?: boolean }).flow);
    const get = (key: string): YNode | undefined => find(key)?.value;
    const pair = (key: string): YPair | undefined => find(key);
    // Tag and anchor (rare) come before the methods, as they always have.
    const map: YMap =
      node.tag || node.anchor
        ? { type: 'map', pairs, duplicates, flow, start, end, file, ...tagAndAnchor(node), get, pair }
        : { type: 'map', pairs, duplicates, flow, start, end, file, get, pair };
    if (anchored) built.set(node, map);
    let mergeSources: YNode[] | undefined;
    for (const item of items) {
      const keyNode = item.key as YamlNode | null;
      if (isMergeKey(keyNode)) {
        const value = build(item.value as YamlNode | null, start);
        mergeSources ??= [];
        if (value.type === 'seq') for (const v of value.items) mergeSources.push(v);
        else mergeSources.push(value);
        continue;
      }
      const key = build(keyNode, start);
      const keyScalar: YScalar = key.type === 'scalar' ? key : { ...scalarAt(file, key.start, key.end), value: '' };
      const keyText = keyScalar.value === null ? '' : String(keyScalar.value);
      const value = build(item.value as YamlNode | null, keyScalar.end);
      const pair: YPair = { key: keyText, keyNode: keyScalar, value, merged: false };
      if (find(keyText)) {
        duplicates.push(pair);
        continue;
      }
      add(pair);
    }
    // Explicit keys win over merged ones; among merge sources the first wins (YAML merge-key spec).
    for (const source of mergeSources ?? []) {
      if (source.type !== 'map') continue;
      for (const p of source.pairs) {
        if (find(p.key)) continue;
        add({ ...p, merged: true });
      }
    }
    return map;
  };

  let limit = Infinity;
  const expandedSize = (node: YNode): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 1); // guards against cycles (a self-referencing anchor)
    let size = 1;
    if (node.type === 'seq') for (const i of node.items) size += expandedSize(i);
    else if (node.type === 'map') for (const p of node.pairs) size += 1 + expandedSize(p.value);
    if (size > limit) {
      throw new YamlExpansionError(
        `YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes beyond those written (an alias bomb?); the file is not linted`,
        node.start,
      );
    }
    sizes.set(node, size);
    return size;
  };

  const contents = doc.contents as YamlNode | null;
  if (!contents) return undefined;
  const root = build(contents, 0);
  // Without aliases every node is met once: at most one node and one pair per written node, under the limit.
  if (aliases === 0) return root;
  // Pairs count as a node each in expandedSize, so allow two per written node.
  limit = 2 * count + MAX_ALIAS_EXPANSION;
  expandedSize(root);
  return root;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Mappings of up to this many keys are searched without an index. */
const SMALL_MAP = 8;

/** Tags Compose gives a meaning to when merging files. */
const COMPOSE_TAGS = new Set(['!reset', '!override']);

/** A plain scalar's YAML 1.2 core-schema value. */
function resolvePlain(text: string): string | number | boolean | null {
  if (/^(?:~|null|Null|NULL)?$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  return text;
}

function isMergeKey(key: YamlNode | null): boolean {
  if (!key || !isYamlScalar(key)) return false;
  return typeof key.value === 'symbol' || (key.value === '<<' && key.type === 'PLAIN');
}

function normaliseScalar(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function rangeOf(node: YamlNode, fallback: number): [number, number] {
  const r = node.range;
  if (!r) return [fallback, fallback];
  return [r[0], r[1]];
}

function tagAndAnchor(node: YamlNode): { tag?: string; anchor?: string } {
  const out: { tag?: string; anchor?: string } = {};
  addTagAndAnchor(out, node);
  return out;
}

function addTagAndAnchor(out: { tag?: string; anchor?: string }, node: YamlNode): void {
  if (node.tag) out.tag = node.tag;
  if (node.anchor) out.anchor = node.anchor;
}

function scalarAt(file: SourceFile, start: number, end: number): YScalar {
  return { type: 'scalar', value: null, style: 'plain', source: file.text.slice(start, end), start, end, file };
}

function nullScalar(file: SourceFile, offset: number): YScalar {
  return scalarAt(file, offset, offset);
}
