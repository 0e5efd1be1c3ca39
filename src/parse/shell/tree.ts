/**
 * Conversion of a tree-sitter tree into plain `ShNode`s that outlive the
 * tree-sitter tree (which must be deleted right after the parse).
 *
 * Offsets: web-tree-sitter, given a JS string, reports `startIndex`/`endIndex`
 * in UTF-16 code units (checked in test/parse/shell/tree.test.ts), which is
 * what our location model uses, so no byte conversion is needed. Offsets are
 * shifted by the parse's `baseOffset` so they are offsets into the file.
 */
import type { Language, Tree, TreeCursor } from 'web-tree-sitter';
import type { SourceFile } from '../../core/source.js';
import type { ShNode } from './types.js';

/** The text a tree was parsed from and where it sits in its file. */
export interface ShSource {
  readonly file: SourceFile;
  /** The text that was parsed (before any internal fix-ups such as inserted spaces). */
  readonly text: string;
  /** Offset of `text` in `file.text`. */
  readonly baseOffset: number;
}

const NO_CHILDREN: readonly ShSyntaxNode[] = Object.freeze([]);

/** Adds a child during conversion (also used by tree-memo.ts when it rebuilds a tree). */
export function adopt(parent: ShSyntaxNode, child: ShSyntaxNode): void {
  if (parent.children === NO_CHILDREN) parent.children = [child];
  else (parent.children as ShSyntaxNode[]).push(child);
}

/** A plain shell syntax node. `text` is sliced lazily from the parsed text. */
export class ShSyntaxNode implements ShNode {
  /** Leaves (about half the nodes) share one frozen empty list; a node gets its own list with its first child. */
  children: readonly ShSyntaxNode[] = NO_CHILDREN;

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

  /** The parse this node comes from (command-memo.ts copies trees from one text to another place). */
  get shSource(): ShSource {
    return this.source;
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
 * The children of the nodes on the path of a depth-first conversion, gathered on one stack of
 * their own: a node's list is made when its last child is known, at its exact length (a list
 * grown by `push` holds spare room, and for a large tree that room and the copies add up).
 */
class SiblingLists {
  private readonly nodes: ShSyntaxNode[] = [];
  private top = 0;
  /** Where each open node's children start; the root's are open from the beginning. */
  private readonly starts: number[] = [0];

  add(node: ShSyntaxNode): void {
    this.nodes[this.top++] = node;
  }

  /** The node just added gets children. */
  open(): void {
    this.starts.push(this.top);
  }

  /** The children of the innermost open node, in order. */
  close(): readonly ShSyntaxNode[] {
    const start = this.starts.pop()!;
    const list = this.nodes.slice(start, this.top);
    this.top = start;
    return list;
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

/**
 * How deep a shell syntax tree may nest. The conversion below is iterative,
 * but the command view (commands.ts), word evaluation and rules walk the tree
 * recursively, a few stack frames per level: past this depth a script (4,000
 * commands joined by `&&` nest 4,000 levels; so do 1,000 nested `$(…)`) is not
 * linted, and says so (`ShellTooDeep`), instead of overflowing the stack.
 * Real scripts stay far below: the deepest in the shared corpus nests 40 levels.
 */
export const MAX_SHELL_TREE_DEPTH = 500;

/** Thrown by `convertTree` for a tree deeper than `MAX_SHELL_TREE_DEPTH`. */
export class ShellTooDeep extends Error {
  constructor(
    /** File offset of the first node past the limit. */
    readonly offset: number,
  ) {
    super(`the shell syntax nests more than ${MAX_SHELL_TREE_DEPTH} levels deep (commands chained with && or ||, nested $(…), if, loops or groups); not linted`);
  }
}

/** Copies a tree-sitter tree into `ShNode`s. Does not delete the tree. Throws `ShellTooDeep` for a tree nested too deep. */
export function convertTree(tree: Tree, source: ShSource, map: IndexMap = identityMap): ShSyntaxNode {
  const cursor = tree.walk();
  try {
    const lang = languageInfo(tree.language);
    // MISSING nodes only exist where the tree has an error: elsewhere, one call per node saved.
    const missing = tree.rootNode.hasError;
    const present = new Uint8Array(lang.types.length + 1);
    const root = raw ? convertRaw(raw, tree, cursor, source, map, lang, missing, present) : convertCursor(cursor, source, map, lang, missing, present);
    const types = new Set<string>();
    for (let id = 0; id < present.length; id++) if (present[id]) types.add(lang.types[id] || 'ERROR');
    recordNodeTypes(root, types);
    return root;
  } finally {
    cursor.delete();
  }
}

/**
 * web-tree-sitter's own exports (the object given to `Parser.init`), for a
 * walk that calls the cursor functions directly. Every `TreeCursor` accessor
 * of the JS API first copies the cursor into tree-sitter's transfer buffer
 * and copies it back after a move: four to eight memory writes and reads
 * around each call, for every node. The functions themselves leave the
 * updated cursor in the buffer, so a walk that makes no other tree-sitter
 * call in between can copy the cursor in once, call them back to back, and
 * copy it out once at the end. `convertTree` uses this when the binding has
 * the functions (checked at init), else the JS API; both give the same nodes
 * (test/parse/shell/tree.test.ts).
 */
export interface RawCursorBinding {
  /** Address of the transfer buffer (`_ts_init()` returns it). */
  readonly transferBuffer: number;
  heap(): Int32Array;
  typeId(tree: number): number;
  fieldId(tree: number): number;
  startIndex(tree: number): number;
  endIndex(tree: number): number;
  isMissing(tree: number): number;
  gotoFirstChild(tree: number): number;
  gotoNextSibling(tree: number): number;
  gotoParent(tree: number): number;
}

let raw: RawCursorBinding | undefined;

/** Installs (or, with undefined, removes) the direct binding `convertTree` walks with. */
export function setRawCursorBinding(binding: RawCursorBinding | undefined): void {
  raw = binding;
}

/** The direct binding from the object given to `Parser.init`, when it has everything the walk needs. */
export function rawCursorBinding(module: Record<string, unknown>): RawCursorBinding | undefined {
  const fn = (name: string) => (typeof module[name] === 'function' ? (module[name] as (...a: number[]) => number) : undefined);
  const init = fn('_ts_init');
  const typeId = fn('_ts_tree_cursor_current_node_type_id_wasm');
  const fieldId = fn('_ts_tree_cursor_current_field_id_wasm');
  const startIndex = fn('_ts_tree_cursor_start_index_wasm');
  const endIndex = fn('_ts_tree_cursor_end_index_wasm');
  const isMissing = fn('_ts_tree_cursor_current_node_is_missing_wasm');
  const gotoFirstChild = fn('_ts_tree_cursor_goto_first_child_wasm');
  const gotoNextSibling = fn('_ts_tree_cursor_goto_next_sibling_wasm');
  const gotoParent = fn('_ts_tree_cursor_goto_parent_wasm');
  if (!init || !typeId || !fieldId || !startIndex || !endIndex || !isMissing || !gotoFirstChild || !gotoNextSibling || !gotoParent) return undefined;
  if (!(module.HEAP32 instanceof Int32Array)) return undefined;
  return {
    transferBuffer: init(),
    heap: () => module.HEAP32 as Int32Array,
    typeId,
    fieldId,
    startIndex,
    endIndex,
    isMissing,
    gotoFirstChild,
    gotoNextSibling,
    gotoParent,
  };
}

/** The JS cursor's copy of the wasm cursor: four numbers at indices 0–3 (web-tree-sitter's `marshalTreeCursor`). */
type CursorHandle = Record<0 | 1 | 2 | 3, number>;

/** The node types of the trees converted or rebuilt (by their root), for `mayContain`. */
const nodeTypes = new WeakMap<ShNode, ReadonlySet<string>>();

/** Records the node types that occur in the tree under `root` (conversion and rebuilds only). */
export function recordNodeTypes(root: ShNode, types: ReadonlySet<string>): void {
  nodeTypes.set(root, types);
}

/**
 * False when no node of any of the types occurs under `node`, known without a walk for the
 * root of a parsed tree (the conversion notes the types it makes); true otherwise. A rule that
 * looks for one kind of node (`for_statement`, a backtick substitution) skips its walk of a
 * script that has none.
 */
export function mayContain(node: ShNode, ...types: string[]): boolean {
  const known = nodeTypes.get(node);
  return !known || types.some((t) => known.has(t));
}

function convertRaw(b: RawCursorBinding, tree: Tree, cursor: TreeCursor, source: ShSource, map: IndexMap, lang: LanguageInfo, missing: boolean, present: Uint8Array): ShSyntaxNode {
  const t = (tree as unknown as { 0: number })[0];
  const handle = cursor as unknown as CursorHandle;
  const at = b.transferBuffer >> 2;
  let heap = b.heap();
  heap[at] = handle[0];
  heap[at + 1] = handle[1];
  heap[at + 2] = handle[2];
  heap[at + 3] = handle[3];
  const base = source.baseOffset;
  const make = (parent: ShSyntaxNode | undefined): ShSyntaxNode => {
    const id = b.typeId(t);
    present[id < present.length ? id : present.length - 1] = 1;
    const type = lang.types[id] || 'ERROR';
    let named = lang.named[id];
    if (named === undefined) named = lang.named[id] = lang.language.nodeTypeIsNamed(id);
    const fieldId = b.fieldId(t);
    return new ShSyntaxNode(
      type,
      named,
      (fieldId && lang.fields[fieldId]) || undefined,
      parent,
      map(b.startIndex(t)) + base,
      map(b.endIndex(t)) + base,
      type === 'ERROR' || (missing && b.isMissing(t) === 1),
      source,
    );
  };
  try {
    const root = make(undefined);
    if (!b.gotoFirstChild(t)) return root;
    const kids = new SiblingLists();
    let parent = root;
    let depth = 1;
    for (;;) {
      const node = make(parent);
      kids.add(node);
      if (depth > MAX_SHELL_TREE_DEPTH) throw new ShellTooDeep(node.start);
      if (b.gotoFirstChild(t)) {
        kids.open();
        parent = node;
        depth++;
        continue;
      }
      while (!b.gotoNextSibling(t)) {
        parent.children = kids.close();
        if (!b.gotoParent(t) || parent === root) return root;
        parent = parent.parent!;
        depth--;
      }
    }
  } finally {
    // The cursor may have moved its stack (a move can reallocate it): hand the JS cursor the current copy, for `delete()`.
    heap = b.heap();
    handle[0] = heap[at]!;
    handle[1] = heap[at + 1]!;
    handle[2] = heap[at + 2]!;
    handle[3] = heap[at + 3]!;
  }
}

/**
 * What the conversion needs from the grammar, looked up once per node type
 * rather than asked of tree-sitter for every node (each question is a call
 * into WebAssembly).
 */
interface LanguageInfo {
  /** Node type name by type id (`ERROR` for the error symbol). */
  readonly types: readonly string[];
  /** Whether a type id is a named node type, filled in as ids are met. */
  readonly named: (boolean | undefined)[];
  /** Field name by field id (index 0: no field). */
  readonly fields: readonly (string | null)[];
  readonly language: Language;
}

const languages = new WeakMap<Language, LanguageInfo>();

function languageInfo(language: Language): LanguageInfo {
  let info = languages.get(language);
  if (!info) {
    info = { types: language.types, named: [], fields: language.fields, language };
    languages.set(language, info);
  }
  return info;
}

function makeNode(cursor: TreeCursor, parent: ShSyntaxNode | undefined, source: ShSource, map: IndexMap, lang: LanguageInfo, missing: boolean, present: Uint8Array): ShSyntaxNode {
  const id = cursor.nodeTypeId;
  present[id < present.length ? id : present.length - 1] = 1;
  const type = lang.types[id] || 'ERROR';
  let named = lang.named[id];
  if (named === undefined) named = lang.named[id] = lang.language.nodeTypeIsNamed(id);
  const fieldId = cursor.currentFieldId;
  const base = source.baseOffset;
  return new ShSyntaxNode(
    type,
    named,
    (fieldId && lang.fields[fieldId]) || undefined,
    parent,
    map(cursor.startIndex) + base,
    map(cursor.endIndex) + base,
    type === 'ERROR' || (missing && cursor.nodeIsMissing),
    source,
  );
}

function convertCursor(cursor: TreeCursor, source: ShSource, map: IndexMap, lang: LanguageInfo, missing: boolean, present: Uint8Array): ShSyntaxNode {
  const root = makeNode(cursor, undefined, source, map, lang, missing, present);
  if (!cursor.gotoFirstChild()) return root;
  const kids = new SiblingLists();
  let parent = root;
  let depth = 1;
  for (;;) {
    const node = makeNode(cursor, parent, source, map, lang, missing, present);
    kids.add(node);
    if (depth > MAX_SHELL_TREE_DEPTH) throw new ShellTooDeep(node.start);
    if (cursor.gotoFirstChild()) {
      kids.open();
      parent = node;
      depth++;
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      parent.children = kids.close();
      if (!cursor.gotoParent() || parent === root) return root;
      parent = parent.parent!;
      depth--;
    }
  }
}

/**
 * A string of its own with the same characters, for the memos (tree-memo.ts,
 * command-memo.ts): a slice of a larger string (a `RUN` body of its
 * Dockerfile, a word of its script) keeps all of that string alive while it is
 * kept.
 */
export function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
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
