/**
 * Conversion of a tree-sitter tree into plain `ShNode`s that outlive the
 * tree-sitter tree (which must be deleted right after the parse).
 *
 * Offsets: web-tree-sitter, given a JS string, reports `startIndex`/`endIndex`
 * in UTF-16 code units (checked in test/parse/shell/tree.test.ts), which is
 * what our location model uses, so no byte conversion is needed. Offsets are
 * shifted by the parse's `baseOffset` so they are offsets into the file.
 */
import type { Tree, TreeCursor } from 'web-tree-sitter';
import type { SourceFile } from '../source.js';
import type { ShNode } from './types.js';

/** The text a tree was parsed from and where it sits in its file. */
export interface ShSource {
  readonly file: SourceFile;
  /** The text that was parsed (before any internal fix-ups such as inserted spaces). */
  readonly text: string;
  /** Offset of `text` in `file.text`. */
  readonly baseOffset: number;
}

/** A plain shell syntax node. `text` is sliced lazily from the parsed text. */
export class ShSyntaxNode implements ShNode {
  readonly children: ShSyntaxNode[] = [];

  constructor(
    readonly type: string,
    readonly named: boolean,
    readonly field: string | undefined,
    readonly parent: ShSyntaxNode | undefined,
    readonly start: number,
    readonly end: number,
    readonly isError: boolean,
    private readonly source: ShSource,
  ) {}

  get file(): SourceFile {
    return this.source.file;
  }

  get text(): string {
    const base = this.source.baseOffset;
    return this.source.text.slice(this.start - base, this.end - base);
  }

  /** Short description for debugging (`type [start,end]`). */
  toString(): string {
    return `${this.type} [${this.start},${this.end}]`;
  }
}

/**
 * Maps an index into the text tree-sitter saw to an index into the original
 * text. Identity unless spaces were inserted (see `insertionMap`).
 */
export type IndexMap = (index: number) => number;

export const identityMap: IndexMap = (i) => i;

/**
 * The index map for a text into which one space was inserted before each of
 * the sorted original offsets `positions`: the k-th inserted space sits at
 * `positions[k] + k` in the modified text.
 */
export function insertionMap(positions: readonly number[]): IndexMap {
  if (positions.length === 0) return identityMap;
  return (m) => {
    // number of inserted spaces strictly before modified index m
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[mid]! + mid < m) lo = mid + 1;
      else hi = mid;
    }
    return m - lo;
  };
}

/** Copies a tree-sitter tree into `ShNode`s. Does not delete the tree. */
export function convertTree(tree: Tree, source: ShSource, map: IndexMap = identityMap): ShSyntaxNode {
  const cursor = tree.walk();
  try {
    return convertCursor(cursor, source, map);
  } finally {
    cursor.delete();
  }
}

function makeNode(cursor: TreeCursor, parent: ShSyntaxNode | undefined, source: ShSource, map: IndexMap): ShSyntaxNode {
  const type = cursor.nodeType;
  const base = source.baseOffset;
  return new ShSyntaxNode(
    type,
    cursor.nodeIsNamed,
    cursor.currentFieldName ?? undefined,
    parent,
    map(cursor.startIndex) + base,
    map(cursor.endIndex) + base,
    type === 'ERROR' || cursor.nodeIsMissing,
    source,
  );
}

function convertCursor(cursor: TreeCursor, source: ShSource, map: IndexMap): ShSyntaxNode {
  const root = makeNode(cursor, undefined, source, map);
  if (!cursor.gotoFirstChild()) return root;
  let parent = root;
  for (;;) {
    const node = makeNode(cursor, parent, source, map);
    parent.children.push(node);
    if (cursor.gotoFirstChild()) {
      parent = node;
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || parent === root) return root;
      parent = parent.parent!;
    }
  }
}

/** Depth-first, pre-order walk over a node and its descendants. Return `false` to skip a node's children. */
export function walkNodes(node: ShNode, visit: (node: ShNode) => boolean | void): void {
  const stack: ShNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (visit(n) === false) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
}

/** Nodes of the given type(s) under (and including) `node`, in source order. */
export function findNodes(node: ShNode, ...types: string[]): ShNode[] {
  const out: ShNode[] = [];
  const wanted = new Set(types);
  walkNodes(node, (n) => {
    if (wanted.has(n.type)) out.push(n);
  });
  return out;
}

/** The first child with the given field name. */
export function childByField(node: ShNode, field: string): ShNode | undefined {
  return node.children.find((c) => c.field === field);
}

/** The lowest node that is an ancestor of (or equal to) both nodes, if they are in the same tree. */
export function commonAncestor(a: ShNode, b: ShNode): ShNode | undefined {
  const seen = new Set<ShNode>();
  for (let n: ShNode | undefined = a; n; n = n.parent) seen.add(n);
  for (let n: ShNode | undefined = b; n; n = n.parent) if (seen.has(n)) return n;
  return undefined;
}
