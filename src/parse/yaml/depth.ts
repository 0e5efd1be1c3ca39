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
  const seen = new Set<YamlNode>();
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop();
    if (isPair(n)) {
      stack.push(n.value, n.key);
      continue;
    }
    if (!isNode(n) || isAlias(n) || seen.has(n)) continue;
    seen.add(n);
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
