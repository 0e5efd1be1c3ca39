import { isAlias, isMap, isNode, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';

/**
 * How deep a YAML document may nest (aliases followed) to be linted. Building
 * the rule-facing tree, schema validation and rules recurse once or more per
 * level; compose files nest about ten levels.
 */
export const MAX_YAML_DEPTH = 128;

export function yamlDepthMessage(): string {
  return `the YAML nests more than ${MAX_YAML_DEPTH} levels deep; not linted`;
}

/**
 * Offset of the first node (on a deepest path, aliases followed) nested deeper
 * than `MAX_YAML_DEPTH`, or undefined. Iterative, and linear in the document:
 * each node's height is worked out once, however many aliases point to it.
 */
export function yamlTooDeep(doc: Document): number | undefined {
  // Nearly every document is shallow: a walk that keeps no per-node state says so; only a
  // document it finds too deep is walked again by the full algorithm, for the place.
  return fitsDepth(doc) ? undefined : yamlTooDeepAt(doc);
}

/**
 * True when no node (aliases followed) nests deeper than `MAX_YAML_DEPTH`:
 * the walk of `yamlTooDeepAt`, in the same order, without building lists of
 * kids, and remembering heights (and the nodes on the path) only for anchored
 * nodes, the only ones an alias can reach a second time. So it finds a node
 * too deep exactly when `yamlTooDeepAt` does.
 */
function fitsDepth(doc: Document): boolean {
  const root = doc.contents;
  if (!isNode(root)) return true;
  const resolve = (n: unknown): YamlNode | undefined => {
    const node = isAlias(n) ? n.resolve(doc) : n;
    return isNode(node) && !isAlias(node) ? node : undefined;
  };
  const height = new Map<YamlNode, number>();
  const onPath = new Set<YamlNode>();
  // Per level of the path: the node, its items, the next item, whether that item's (a pair's) key is done, its height so far.
  const nodes: YamlNode[] = [];
  const items: (readonly unknown[] | undefined)[] = [];
  const next: number[] = [];
  const keyDone: boolean[] = [];
  const heights: number[] = [];
  let depth = 0;
  const push = (n: YamlNode): void => {
    nodes[depth] = n;
    items[depth] = isMap(n) || isSeq(n) ? (n.items as readonly unknown[]) : undefined;
    next[depth] = 0;
    keyDone[depth] = false;
    heights[depth] = 0;
    depth++;
    if (n.anchor) onPath.add(n);
  };
  /** The next kid of the top node, or undefined when it has no more. */
  const nextKid = (d: number): YamlNode | undefined => {
    const list = items[d];
    if (!list) return undefined;
    const pairs = isMap(nodes[d]);
    while (next[d]! < list.length) {
      const item = list[next[d]!];
      if (!pairs) {
        next[d]!++;
        const c = resolve(item);
        if (c) return c;
        continue;
      }
      if (!isPair(item)) {
        next[d]!++;
        continue;
      }
      if (!keyDone[d]) {
        keyDone[d] = true;
        const k = resolve(item.key);
        if (k) return k;
      }
      keyDone[d] = false;
      next[d]!++;
      const v = resolve(item.value);
      if (v) return v;
    }
    return undefined;
  };
  push(root);
  while (depth > 0) {
    const d = depth - 1;
    const kid = nextKid(d);
    if (kid) {
      const known = kid.anchor ? height.get(kid) : undefined;
      if (known !== undefined) {
        if (depth + known > MAX_YAML_DEPTH) return false;
        if (known > heights[d]!) heights[d] = known;
      } else if (!kid.anchor || !onPath.has(kid)) {
        if (depth + 1 > MAX_YAML_DEPTH) return false;
        push(kid);
      }
      continue;
    }
    depth--;
    const node = nodes[d]!;
    const h = heights[d]! + 1;
    nodes[d] = undefined as unknown as YamlNode;
    items[d] = undefined;
    if (node.anchor) {
      onPath.delete(node);
      height.set(node, h);
    }
    if (d > 0 && h > heights[d - 1]!) heights[d - 1] = h;
  }
  return true;
}

/** `yamlTooDeep` by the walk that keeps every node's height, for the place of the first node too deep. */
export function yamlTooDeepAt(doc: Document): number | undefined {
  const root = doc.contents;
  if (!isNode(root)) return undefined;
  const resolve = (n: unknown): YamlNode | undefined => {
    const node = isAlias(n) ? n.resolve(doc) : n;
    return isNode(node) && !isAlias(node) ? node : undefined;
  };
  const children = (n: YamlNode): YamlNode[] => {
    const out: YamlNode[] = [];
    if (isMap(n)) {
      for (const p of n.items) {
        if (!isPair(p)) continue;
        const k = resolve(p.key);
        const v = resolve(p.value);
        if (k) out.push(k);
        if (v) out.push(v);
      }
    } else if (isSeq(n)) {
      for (const item of n.items) {
        const c = resolve(item);
        if (c) out.push(c);
      }
    }
    return out;
  };
  const height = new Map<YamlNode, number>();
  const onPath = new Set<YamlNode>();
  type Frame = { node: YamlNode; kids: YamlNode[]; next: number; height: number };
  const path: Frame[] = [{ node: root, kids: children(root), next: 0, height: 0 }];
  onPath.add(root);
  while (path.length) {
    const top = path[path.length - 1]!;
    if (top.next < top.kids.length) {
      const kid = top.kids[top.next++]!;
      const known = height.get(kid);
      if (known !== undefined) {
        if (path.length + known > MAX_YAML_DEPTH) return deepestBelow(kid, path.length + 1, height, children);
        top.height = Math.max(top.height, known);
      } else if (!onPath.has(kid)) {
        // A kid on the path is an alias to an ancestor (a cycle): it adds no depth the walk has not seen.
        if (path.length + 1 > MAX_YAML_DEPTH) return kid.range?.[0] ?? 0;
        onPath.add(kid);
        path.push({ node: kid, kids: children(kid), next: 0, height: 0 });
      }
      continue;
    }
    path.pop();
    onPath.delete(top.node);
    height.set(top.node, top.height + 1);
    const parent = path[path.length - 1];
    if (parent) parent.height = Math.max(parent.height, top.height + 1);
  }
  return undefined;
}

/** Follows the tallest kids from `node` (at `depth`) down to the first node past the limit. */
function deepestBelow(node: YamlNode, depth: number, height: ReadonlyMap<YamlNode, number>, children: (n: YamlNode) => YamlNode[]): number {
  let n = node;
  for (let d = depth; d <= MAX_YAML_DEPTH; d++) {
    const tallest = children(n).reduce<YamlNode | undefined>((best, c) => ((height.get(c) ?? 0) > (best ? (height.get(best) ?? 0) : -1) ? c : best), undefined);
    if (!tallest) break;
    n = tallest;
  }
  return n.range?.[0] ?? 0;
}

/** Offset (in the file) of the first scalar for which `test` gives an offset into its value, pre-order. */
export function firstScalarWhere(doc: Document, test: (value: string) => number | undefined): number | undefined {
  // Aliases are not followed, so only a node met twice as itself is skipped: remembered when anchored.
  const seen = new Set<YamlNode>();
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop();
    if (isPair(n)) {
      stack.push(n.value, n.key);
      continue;
    }
    if (!isNode(n) || isAlias(n)) continue;
    if (n.anchor) {
      if (seen.has(n)) continue;
      seen.add(n);
    }
    if (isScalar(n)) {
      if (typeof n.value !== 'string') continue;
      const at = test(n.value);
      if (at === undefined) continue;
      const [start, end] = n.range ?? [0, 0];
      // Plain scalars hold the value as written; quoted ones start one past their quote.
      return Math.min(start + at + (n.type === 'PLAIN' || n.type === undefined ? 0 : 1), end);
    }
    if (isMap(n) || isSeq(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
  }
  return undefined;
}

/**
 * Where the text nests deepest, guessed line by line (flow brackets open,
 * `- ` and `? ` indicators and indentation): for when the yaml library itself
 * gives up on a document too deep for it, and says nowhere.
 */
export function deepestLine(text: string): number {
  let flow = 0;
  let best = { depth: -1, offset: 0 };
  let offset = 0;
  for (const line of text.split('\n')) {
    const indent = /^[ \t]*/.exec(line)![0].length;
    const compact = /^(?:[-?][ \t]+)*/.exec(line.slice(indent))![0].replace(/[ \t]/g, '').length;
    for (const c of line) if (c === '[' || c === '{') flow++;
    else if ((c === ']' || c === '}') && flow > 0) flow--;
    const depth = flow + compact + indent / 2;
    if (depth > best.depth) best = { depth, offset };
    if (depth > MAX_YAML_DEPTH) break;
    offset += line.length + 1;
  }
  return best.offset;
}
