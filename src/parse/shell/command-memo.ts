/**
 * What is derived from a text met again (its command view, its variable
 * writes), copied from an earlier document with the same text instead of
 * being built again.
 *
 * Why: after tree-memo.ts, building the command view (flattening statement
 * sequences, evaluating every word, wrappers, `sh -c` scripts) was the largest
 * cost left for a repeated script or `RUN` body, and repeated texts are common
 * (one `docker-entrypoint.sh` per image version, the same `RUN` in every
 * variant's Dockerfile). The variable writes (vars.ts) come next: a walk of
 * the whole tree that three rules ask for.
 *
 * How: `collectCommands` (commands.ts) is a function of the parsed text only
 * (and of the `sh -c` nesting depth, always 0 here), and so is
 * `variableWrites` (vars.ts): the same text gives the same graph with the same
 * structure, every offset shifted by the difference of the two `baseOffset`s,
 * and every node the node at the same place of the other tree. So the first
 * graph built for a repeated text (for commands: commands, words, redirects,
 * assignments, pipelines, the `inner`/`outer`/`previous`/`next` links) is
 * recorded once as a plan: every object and array in creation order, and for
 * each of its slots a constant, an offset (`start`/`end`, shifted), the file,
 * a node (by tree and pre-order index) or another object of the plan.
 * Replaying the plan for another document makes the same graph, shared objects
 * shared, for that document's file, offsets and nodes; the trees of `sh -c`
 * scripts and re-parsed snippets, which are not under the document's root,
 * are rebuilt from their flat form (tree-memo.ts). A graph holding anything
 * else (a class instance, a function, a Map) is not recorded and is always
 * built. test/parse/shell/command-memo.test.ts compares the replay with a
 * fresh build for every script and `RUN` body of the fixtures and the corpus.
 *
 * Memory: a plan (typed arrays and copies of the constant strings) is kept
 * only for a text seen at least twice (tree-memo.ts knows), none for texts over
 * `MAX_TEXT` characters, at most `MAX_PLANS` per kind and `BUDGET` bytes in
 * all, least recently used dropped first.
 */
import { flatten, rebuild, type FlatTree } from './tree-memo.js';
import { ownCopy, ShSyntaxNode, type ShSource } from './tree.js';

const MAX_PLANS = 256;
const MAX_TEXT = 64 * 1024;
/** Estimated bytes all plans may hold (a plan of a 14,000-character script is ~100 KB). */
const BUDGET = 8 * 2 ** 20;
let held = 0;

/** Slot kinds. */
const CONST = 0;
const OFFSET = 1;
const FILE = 2;
const NODE = 3;
const OBJECT = 4;

interface Plan {
  /** Per object: its keys (an object), or -1 (an array). Keys lists are shared between objects of the same shape. */
  readonly shapes: readonly (readonly string[] | -1)[];
  /** Per object: index of its first slot in `kinds`/`values`; one more entry for the end. */
  readonly firstSlot: Int32Array;
  readonly kinds: Uint8Array;
  /**
   * Per slot: CONST the value; OFFSET the offset relative to the template's
   * `baseOffset`; NODE `tree * 2^24 + pre-order index` (tree 0: the
   * document's own); OBJECT the object's number.
   */
  readonly values: readonly unknown[];
  /** Trees other than the document's (tree k at index k - 1): flat form, text and base offset relative to the template's. */
  readonly trees: readonly { readonly flat: FlatTree; readonly text: string; readonly baseOffset: number }[];
  /** Node count of the document's own tree (a replay onto a tree of another size gives up). */
  readonly nodeCount: number;
  /** Estimated bytes held. */
  readonly bytes: number;
}

/** Plans by kind of derived data, then by text (null: the text's graph cannot be recorded), with the memo's own copy of the text. */
const plans = new Map<string, Map<string, { readonly key: string; readonly plan: Plan | null }>>();
let enabled = true;
/** Graphs replayed, and graphs that could not be recorded (for tests). */
export const commandMemoStats = { copied: 0, gaveUp: 0 };

/** Turns the memo off (`false`) or on again, emptying it either way (for tests). */
export function setCommandMemo(on: boolean): void {
  plans.clear();
  held = 0;
  enabled = on;
}

/** What the memo knows of a top-level document (document.ts registers each one). */
export interface MemoDocument {
  readonly source: ShSource;
  readonly root: ShSyntaxNode;
  /** The document's nodes in pre-order, when known. */
  nodes: readonly ShSyntaxNode[] | undefined;
  /** The text was parsed before in this process. */
  readonly repeated: boolean;
}

const documents = new WeakMap<object, MemoDocument>();

/** Registers a top-level document, for `derived`. */
export function registerDocument(doc: object, info: MemoDocument): void {
  documents.set(doc, info);
}

/**
 * What `build` derives from the document `doc` (a graph of plain objects,
 * arrays, nodes and primitives, the same for the same text up to offsets,
 * file and nodes): replayed from the plan of its text when there is one, else
 * built, and recorded when the text was seen before. `kind` names what is
 * derived. Documents not registered (inner `sh -c` scripts) just build.
 */
export function derived<T extends object>(doc: object, kind: string, build: () => T): T {
  const info = documents.get(doc);
  if (!info || !enabled || !info.repeated || info.source.text.length > MAX_TEXT) return build();
  let byText = plans.get(kind);
  if (!byText) plans.set(kind, (byText = new Map()));
  const text = info.source.text;
  const entry = byText.get(text);
  if (entry !== undefined) {
    byText.delete(entry.key);
    byText.set(entry.key, entry);
    const plan = entry.plan;
    if (plan) {
      const own = (info.nodes ??= preorder(info.root));
      if (own.length === plan.nodeCount) {
        commandMemoStats.copied++;
        return replay(plan, info.source, own) as T;
      }
    }
    return build();
  }
  const made = build();
  const recorded = record(made, info.source, (info.nodes ??= preorder(info.root)));
  if (!recorded) commandMemoStats.gaveUp++;
  // A `RUN` body is a slice of its Dockerfile's text and would keep all of it alive as the key: keep a copy of its own.
  const key = ownCopy(text);
  byText.set(key, { key, plan: recorded ?? null });
  held += recorded?.bytes ?? 0;
  for (const [oldText, old] of byText) {
    if (byText.size <= MAX_PLANS && held <= BUDGET) break;
    byText.delete(oldText);
    held -= old.plan?.bytes ?? 0;
  }
  return made;
}

function preorder(root: ShSyntaxNode): ShSyntaxNode[] {
  const out: ShSyntaxNode[] = [];
  const stack: ShSyntaxNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ShSyntaxNode);
  }
  return out;
}

/** The plan of a graph, or undefined when it holds something a plan cannot (anything but plain objects, arrays, nodes and primitives). */
function record(graph: object, source: ShSource, own: readonly ShSyntaxNode[]): Plan | undefined {
  const base = source.baseOffset;
  /** Node → tree * 2^24 + index. */
  const where = new Map<ShSyntaxNode, number>();
  own.forEach((n, i) => where.set(n, i));
  const trees: { flat: FlatTree; text: string; baseOffset: number }[] = [];
  const numbers = new Map<object, number>();
  const order: object[] = [];
  const shapes: (readonly string[] | -1)[] = [];
  const shapeOf = new Map<string, readonly string[]>();
  const firstSlot: number[] = [];
  const kinds: number[] = [];
  const values: unknown[] = [];

  const nodeRef = (node: ShSyntaxNode): number | undefined => {
    const known = where.get(node);
    if (known !== undefined) return known;
    let top = node;
    while (top.parent) top = top.parent as ShSyntaxNode;
    if (where.has(top)) return undefined; // a node of a known tree not found in it: cannot happen
    const from = top.shSource;
    const tree = trees.length + 1;
    if (tree >= 128) return undefined;
    trees.push({ flat: flatten(top, from.baseOffset, false, 0), text: ownCopy(from.text), baseOffset: from.baseOffset - base });
    preorder(top).forEach((n, i) => where.set(n, tree * 2 ** 24 + i));
    return where.get(node);
  };
  const number = (value: object): number => {
    let id = numbers.get(value);
    if (id === undefined) {
      id = order.length;
      numbers.set(value, id);
      order.push(value);
    }
    return id;
  };

  /** Writes one slot; false when the value cannot be recorded. */
  const slot = (key: string | undefined, v: unknown): boolean => {
    if (key === 'file') {
      kinds.push(FILE);
      values.push(undefined);
    } else if ((key === 'start' || key === 'end') && typeof v === 'number') {
      kinds.push(OFFSET);
      values.push(v - base);
    } else if (typeof v === 'object' && v !== null) {
      if (v instanceof ShSyntaxNode) {
        const ref = nodeRef(v);
        if (ref === undefined) return false;
        kinds.push(NODE);
        values.push(ref);
      } else {
        kinds.push(OBJECT);
        values.push(number(v));
      }
    } else if (typeof v === 'function' || typeof v === 'symbol') {
      return false;
    } else {
      kinds.push(CONST);
      // Texts of words are slices of the document's text (for a `RUN` body, of the whole Dockerfile): keep copies instead.
      values.push(typeof v === 'string' && v.length > 12 ? ownCopy(v) : v);
    }
    return true;
  };

  number(graph);
  // Objects are numbered as first met, breadth-first; each one's slots are written when its turn comes.
  for (let i = 0; i < order.length; i++) {
    const value = order[i]!;
    firstSlot.push(kinds.length);
    // Only what a replay makes the same: extensible plain objects and arrays without holes.
    if (!Object.isExtensible(value)) return undefined;
    if (Array.isArray(value)) {
      for (let k = 0; k < value.length; k++) if (!(k in value)) return undefined;
      shapes.push(-1);
      for (let k = 0; k < value.length; k++) if (!slot(undefined, value[k])) return undefined;
      continue;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
    const keys = Object.keys(value);
    const id = keys.join('\0');
    let shape = shapeOf.get(id);
    if (!shape) shapeOf.set(id, (shape = keys));
    shapes.push(shape);
    for (const key of shape) if (!slot(key, (value as Record<string, unknown>)[key])) return undefined;
  }
  firstSlot.push(kinds.length);
  const bytes = kinds.length * 10 + firstSlot.length * 12 + trees.reduce((n, t) => n + t.flat.bytes + t.text.length * 2, 0) + 200;
  return { shapes, firstSlot: Int32Array.from(firstSlot), kinds: Uint8Array.from(kinds), values, trees, nodeCount: own.length, bytes };
}

/** The graph of `plan` for a document with the same text at `source`, whose nodes in pre-order are `own`. */
function replay(plan: Plan, source: ShSource, own: readonly ShSyntaxNode[]): object {
  const base = source.baseOffset;
  const file = source.file;
  const trees: (readonly ShSyntaxNode[])[] = [own];
  for (const t of plan.trees) trees.push(rebuild(t.flat, { file, text: t.text, baseOffset: t.baseOffset + base }));
  const { shapes, firstSlot, kinds, values } = plan;
  const objects: (Record<string, unknown> | unknown[])[] = shapes.map((s) => (s === -1 ? [] : {}));
  for (let i = 0; i < objects.length; i++) {
    const shape = shapes[i]!;
    const target = objects[i]!;
    const from = firstSlot[i]!;
    const to = firstSlot[i + 1]!;
    for (let s = from; s < to; s++) {
      const raw = values[s];
      let v: unknown;
      switch (kinds[s]) {
        case OFFSET:
          v = (raw as number) + base;
          break;
        case FILE:
          v = file;
          break;
        case NODE: {
          const ref = raw as number;
          v = ref < 2 ** 24 ? own[ref] : trees[Math.floor(ref / 2 ** 24)]![ref % 2 ** 24];
          break;
        }
        case OBJECT:
          v = objects[raw as number];
          break;
        default:
          v = raw;
      }
      if (shape === -1) (target as unknown[]).push(v);
      else (target as Record<string, unknown>)[shape[s - from]!] = v;
    }
  }
  return objects[0]!;
}
