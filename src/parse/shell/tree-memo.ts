/**
 * Syntax trees of texts already parsed in this process, kept in a compact,
 * position-independent form, so a text met again is rebuilt from typed arrays
 * instead of being parsed by tree-sitter and walked across the WebAssembly
 * boundary again.
 *
 * Why: the same shell text comes back often in a real tree. The official
 * image repositories keep one folder per version with the same
 * `docker-entrypoint.sh` and near-identical Dockerfiles whose `RUN` bodies
 * are the same text; monorepos copy scripts between services; `--fix` passes
 * re-parse unchanged `RUN` bodies. In the shared corpus, 458 parses cover
 * 615k characters of which 124k are distinct (76 scripts, 12 distinct texts);
 * tree-sitter was the largest single cost of a run.
 *
 * What is kept depends only on the text: `parseTree` (document.ts) is a pure
 * function of `source.text` up to the offset shift by `baseOffset` and the
 * `file`/`source` the nodes point at, which the rebuild supplies. Node offsets
 * are stored relative to the parsed text and shifted on rebuild.
 *
 * Bounded: entries are evicted least recently used first once their
 * estimated size passes `BUDGET` (bytes; `STACK_LINT_TREE_MEMO_MB`, 0 turns the
 * memo off). A text larger than a quarter of the budget is never kept.
 */
import { adopt, ownCopy, recordNodeTypes, ShSyntaxNode, type ShSource } from './tree.js';

/** One parsed text: node `i` in pre-order, its parent's index (-1 for the root). */
export interface FlatTree {
  readonly count: number;
  readonly type: Uint16Array;
  readonly field: Uint16Array;
  /** bit 0: named; bit 1: isError. */
  readonly flags: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly parent: Int32Array;
  readonly hasErrors: boolean;
  /** Estimated bytes held (arrays, plus the text kept as the key). */
  readonly bytes: number;
}

/** A memo entry: the tree, and the memo's own copy of its text (the key). */
interface Entry {
  readonly key: string;
  readonly flat: FlatTree;
}

const setting = typeof process !== 'undefined' ? process.env.STACK_LINT_TREE_MEMO_MB : undefined;
let BUDGET = (setting !== undefined && setting !== '' && Number.isFinite(Number(setting)) ? Number(setting) : 8) * 2 ** 20;

/** Node type and field names, interned: the flat arrays hold their indices. */
const names: string[] = [];
const nameIndex = new Map<string, number>();
function intern(name: string): number {
  let i = nameIndex.get(name);
  if (i === undefined) {
    i = names.length;
    names.push(name);
    nameIndex.set(name, i);
  }
  return i;
}
const NO_FIELD = intern('');

const memo = new Map<string, Entry>();
let held = 0;

/** Turns the memo off (`false`) or on again, emptying it either way; for tests that must see a fresh parse. */
export function setTreeMemo(enabled: boolean, budgetBytes = 8 * 2 ** 20): void {
  memo.clear();
  held = 0;
  BUDGET = enabled ? budgetBytes : 0;
}

/** The tree of `source.text` rebuilt for `source`, when that text was parsed before. */
export function recallTree(source: ShSource): { root: ShSyntaxNode; hasErrors: boolean; recalled: true; nodes: ShSyntaxNode[] } | undefined {
  if (BUDGET <= 0) return undefined;
  const entry = memo.get(source.text);
  if (!entry) return undefined;
  // Most recently used last: Map keeps insertion order, eviction takes the first.
  memo.delete(entry.key);
  memo.set(entry.key, entry);
  const flat = entry.flat;
  const nodes = rebuild(flat, source);
  return { root: nodes[0]!, hasErrors: flat.hasErrors, recalled: true, nodes };
}

/** Keeps the tree just parsed from `source.text` (`root` as `parseTree` returns it). */
export function rememberTree(source: ShSource, root: ShSyntaxNode, hasErrors: boolean): void {
  if (BUDGET <= 0 || memo.has(source.text)) return;
  // The text alone (kept as the key) would pass the size limit below: not worth flattening the tree to find out.
  if (source.text.length * 2 + 200 > BUDGET / 4) return;
  const flat = flatten(root, source.baseOffset, hasErrors, source.text.length);
  if (flat.bytes > BUDGET / 4) return;
  // A `RUN` body is a slice of its Dockerfile's text and would keep all of it alive as the key: keep a copy of its own.
  const key = ownCopy(source.text);
  memo.set(key, { key, flat });
  held += flat.bytes;
  for (const [text, old] of memo) {
    if (held <= BUDGET) break;
    memo.delete(text);
    held -= old.flat.bytes;
  }
}

function countNodes(root: ShSyntaxNode): number {
  let n = 0;
  const stack: ShSyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    n++;
    for (const c of node.children) stack.push(c as ShSyntaxNode);
  }
  return n;
}

/** The tree under `root` in flat form, offsets made relative to `base`. */
export function flatten(root: ShSyntaxNode, base: number, hasErrors: boolean, textLength: number): FlatTree {
  const count = countNodes(root);
  const type = new Uint16Array(count);
  const field = new Uint16Array(count);
  const flags = new Uint8Array(count);
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const parent = new Int32Array(count);
  // Pre-order, so a parent always comes before its children and children in order.
  const nodes: ShSyntaxNode[] = [root];
  const parents: number[] = [-1];
  let i = 0;
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    type[i] = intern(node.type);
    field[i] = node.field === undefined ? NO_FIELD : intern(node.field);
    flags[i] = (node.named ? 1 : 0) | (node.isError ? 2 : 0);
    start[i] = node.start - base;
    end[i] = node.end - base;
    parent[i] = parents.pop()!;
    for (let k = node.children.length - 1; k >= 0; k--) {
      nodes.push(node.children[k] as ShSyntaxNode);
      parents.push(i);
    }
    i++;
  }
  return { count, type, field, flags, start, end, parent, hasErrors, bytes: count * 17 + textLength * 2 + 200 };
}

/** The nodes of a flat tree made for `source`, in pre-order (the root first). */
export function rebuild(flat: FlatTree, source: ShSource): ShSyntaxNode[] {
  const base = source.baseOffset;
  const nodes = new Array<ShSyntaxNode>(flat.count);
  const { type, field, flags, start, end, parent } = flat;
  const present = new Uint8Array(names.length);
  for (let i = 0; i < flat.count; i++) {
    present[type[i]!] = 1;
    const p = parent[i]!;
    const up = p < 0 ? undefined : nodes[p]!;
    const f = field[i]!;
    const node = new ShSyntaxNode(
      names[type[i]!]!,
      (flags[i]! & 1) !== 0,
      f === NO_FIELD ? undefined : names[f],
      up,
      start[i]! + base,
      end[i]! + base,
      (flags[i]! & 2) !== 0,
      source,
    );
    nodes[i] = node;
    if (up) adopt(up, node);
  }
  if (flat.count > 0) {
    const types = new Set<string>();
    for (let t = 0; t < present.length; t++) if (present[t]) types.add(names[t]!);
    recordNodeTypes(nodes[0]!, types);
  }
  return nodes;
}
