/**
 * Reading compose values the way `docker compose` will see them: interpolated,
 * in either of the forms Compose accepts (`KEY=value` lists and maps, a string
 * or a list), with the node each part came from so findings land on it.
 *
 * Rules take a `ComposeView`: the merged project (`ctx.project`, one
 * environment of it through `checkEnvironments`), or a file on its own
 * (`ctx.compose`), which offer the same members.
 */
import path from 'node:path';
import type { Span } from '../../core/location.js';
import { isMap, isScalar, isSeq, type YMap, type YNode, type YScalar } from '../yaml/nodes.js';
import type { ComposeDocument } from './document.js';

/** What the policy helpers need from a compose model (the per-file document or the merged project). */
export type ComposeView = Pick<ComposeDocument, 'services' | 'interpolate' | 'valueOf' | 'section' | 'root' | 'file'>;

export interface Judged {
  /** The value after interpolation. */
  value: string;
  /** False when a variable without default is unset or the syntax is invalid: the value is a guess. */
  certain: boolean;
  /** The value comes (at least partly) from a `${VAR:-default}` default. */
  fromDefault: boolean;
  /** The scalar as written, before interpolation. */
  raw: string;
}

/** A scalar's interpolated value with how sure we are of it; undefined for collections and null. */
export function judge(view: ComposeView, node: YNode | undefined): Judged | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  const r = view.interpolate(node);
  return {
    value: r.value,
    certain: r.unset.length === 0 && r.errors.length === 0 && r.required.length === 0,
    fromDefault: r.references.some((ref) => !ref.defined && (ref.operator === ':-' || ref.operator === '-')),
    raw: String(node.value),
  };
}

/** The interpolated value when it is certain, else undefined. */
export function certainValue(view: ComposeView, node: YNode | undefined): string | undefined {
  const j = judge(view, node);
  return j?.certain ? j.value : undefined;
}

const TRUE = new Set(['true', 'yes', 'on', '1', 'y']);
const FALSE = new Set(['false', 'no', 'off', '0', 'n']);

/** A boolean as compose reads it (YAML booleans, and strings such as `"true"` after interpolation). */
export function boolOf(view: ComposeView, node: YNode | undefined): boolean | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  if (typeof node.value === 'boolean') return node.value;
  const v = certainValue(view, node)?.trim().toLowerCase();
  if (v === undefined) return undefined;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return undefined;
}

export const isTruthyText = (v: string): boolean => TRUE.has(v.trim().toLowerCase());

/** A string or a list of strings (`command`, `cap_add`, `dns`…) as scalar nodes. */
export function scalarList(node: YNode | undefined): YScalar[] {
  if (isScalar(node)) return node.value === null ? [] : [node];
  if (isSeq(node)) return node.items.filter(isScalar).filter((s) => s.value !== null);
  return [];
}

export interface Entry {
  key: string;
  /** The key's text: the map key, or the `KEY` part of a `KEY=value` item. */
  keyRange: Span;
  /** The value's node (map form) or the list item holding `KEY=value`. */
  node: YScalar | undefined;
  /** Where the value is written; for `KEY=value` items, the part after `=` when it can be located. */
  valueRange: Span | undefined;
  /** The value as written (before interpolation); undefined for `KEY` alone or `KEY:` with no value. */
  raw: string | undefined;
  /** The interpolated value. */
  value: string | undefined;
  certain: boolean;
  fromDefault: boolean;
  /** The value refers to variables (`${VAR}`, `$VAR`). */
  interpolated: boolean;
  /** The entry came from the list form (`- KEY=value`). */
  listForm: boolean;
  /** The key/value pair was merged in from an anchor. */
  merged: boolean;
}

/**
 * `environment`, `labels`, `build.args`, `extra_hosts`…: a map, or a list of
 * `KEY=value` (`KEY` alone means "take it from the environment").
 */
export function entries(view: ComposeView, node: YNode | undefined): Entry[] {
  const out: Entry[] = [];
  if (isMap(node)) {
    for (const p of node.pairs) {
      const v = isScalar(p.value) ? p.value : undefined;
      const j = v && v.value !== null ? judge(view, v) : undefined;
      out.push({
        key: p.key,
        keyRange: { start: p.keyNode.start, end: p.keyNode.end },
        node: v,
        valueRange: v && v.value !== null ? { start: v.start, end: v.end } : undefined,
        raw: j?.raw,
        value: j?.value,
        certain: j?.certain ?? true,
        fromDefault: j?.fromDefault ?? false,
        interpolated: v && v.value !== null ? view.interpolate(v).references.length > 0 : false,
        listForm: false,
        merged: p.merged,
      });
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      if (!isScalar(item) || item.value === null) continue;
      const text = String(item.value);
      const eq = text.indexOf('=');
      const key = eq < 0 ? text : text.slice(0, eq);
      const rawValue = eq < 0 ? undefined : text.slice(eq + 1);
      let value: string | undefined;
      let certain = true;
      let fromDefault = false;
      let interpolated = false;
      if (rawValue !== undefined) {
        const r = view.interpolate({ ...item, value: rawValue });
        value = r.value;
        certain = r.unset.length === 0 && r.errors.length === 0 && r.required.length === 0;
        fromDefault = r.references.some((ref) => !ref.defined && (ref.operator === ':-' || ref.operator === '-'));
        interpolated = r.references.length > 0;
      }
      out.push({
        key: key.trim(),
        keyRange: innerRange(item, 0, key.length),
        node: item,
        valueRange: rawValue === undefined ? undefined : innerRange(item, eq + 1, text.length),
        raw: rawValue,
        value,
        certain,
        fromDefault,
        interpolated,
        listForm: true,
        merged: false,
      });
    }
  }
  return out;
}

/**
 * The source span of characters [from, to) of a scalar's value, when the
 * value is written verbatim (plain, or quoted without escapes); otherwise the
 * whole scalar.
 */
export function innerRange(node: YScalar, from: number, to: number): Span {
  const value = node.value === null ? '' : String(node.value);
  const src = node.source;
  let offset = -1;
  if (node.style === 'plain' && src === value) offset = 0;
  else if ((node.style === 'double' || node.style === 'single') && src.slice(1, -1) === value) offset = 1;
  if (offset < 0) return { start: node.start, end: node.end };
  return { start: node.start + offset + from, end: node.start + offset + to };
}

/**
 * The words of a `command` / `entrypoint` (a string, or a list of strings),
 * split on white space, each with the scalar that holds it and its offset in
 * the value (for `innerRange`).
 */
export function commandWords(node: YNode | undefined): { node: YScalar; word: string; start: number }[] {
  const scalars = isSeq(node) ? node.items.filter(isScalar) : isScalar(node) ? [node] : [];
  const out: { node: YScalar; word: string; start: number }[] = [];
  for (const s of scalars) {
    if (typeof s.value !== 'string') continue;
    const re = /\S+/g;
    for (let m = re.exec(s.value); m; m = re.exec(s.value)) out.push({ node: s, word: m[0], start: m.index });
  }
  return out;
}

/** Every scalar under a node (aliases are shared nodes: each is visited once). */
export function* scalarsUnder(node: YNode | undefined, seen = new Set<YNode>()): Generator<YScalar> {
  if (!node || seen.has(node)) return;
  seen.add(node);
  if (node.type === 'scalar') {
    yield node;
  } else if (node.type === 'seq') {
    for (const i of node.items) yield* scalarsUnder(i, seen);
  } else {
    for (const p of node.pairs) yield* scalarsUnder(p.value, seen);
  }
}

/** Every node under (and including) a node. */
export function nodesUnder(node: YNode | undefined, into = new Set<YNode>()): Set<YNode> {
  if (!node || into.has(node)) return into;
  into.add(node);
  if (node.type === 'seq') for (const i of node.items) nodesUnder(i, into);
  else if (node.type === 'map') {
    for (const p of node.pairs) {
      into.add(p.keyNode);
      nodesUnder(p.value, into);
    }
  }
  return into;
}

/** The mapping at a key, if it is one. */
export function mapAt(node: YNode | undefined, ...keys: string[]): YMap | undefined {
  let cur: YNode | undefined = node;
  for (const k of keys) cur = isMap(cur) ? cur.get(k) : undefined;
  return isMap(cur) ? cur : undefined;
}

/**
 * Where a node is, as a message seen at `from` says it: `line 7` in the same
 * file, `compose.yaml:7` (relative to `from`'s folder) in another file of a
 * merged project (or seen from a script that names it).
 */
export function locate(node: YNode, from: { readonly file: { readonly path: string } }): string {
  const line = node.file.lines.position(node.start).line;
  if (node.file.path === from.file.path) return `line ${line}`;
  const rel = path.relative(path.dirname(from.file.path), node.file.path).split(path.sep).join('/') || path.basename(node.file.path);
  return `${rel}:${line}`;
}

/** `service "web"`: how messages name a service. */
export const svc = (name: string): string => `service "${name}"`;

/** A step of a path: the key or index, and the steps above it. */
interface PathLink {
  readonly up: PathLink | undefined;
  readonly step: string | number;
}

/** A scalar and the keys and indices that lead to it, the list made when first read. */
class ScalarAt {
  private made: (string | number)[] | undefined;
  constructor(
    readonly node: YScalar,
    private readonly base: readonly (string | number)[],
    private readonly link: PathLink | undefined,
  ) {}

  get path(): (string | number)[] {
    if (!this.made) {
      const steps: (string | number)[] = [];
      for (let l = this.link; l; l = l.up) steps.push(l.step);
      this.made = [...this.base, ...steps.reverse()];
    }
    return this.made;
  }
}

/**
 * Every scalar under a node with the keys and indices that lead to it (shared alias targets once),
 * in document order. A loop with a stack of its own, the path made only when read: a huge file
 * neither nests generators nor copies a path per node.
 */
export function* scalarsWithPath(
  node: YNode | undefined,
  path: (string | number)[] = [],
  seen = new Set<YNode>(),
): Generator<{ readonly node: YScalar; readonly path: (string | number)[] }> {
  const nodes: (YNode | undefined)[] = [node];
  const links: (PathLink | undefined)[] = [undefined];
  while (nodes.length > 0) {
    const n = nodes.pop();
    const link = links.pop();
    if (!n || seen.has(n)) continue;
    seen.add(n);
    if (n.type === 'scalar') yield new ScalarAt(n, path, link);
    else if (n.type === 'seq') {
      for (let i = n.items.length - 1; i >= 0; i--) {
        nodes.push(n.items[i]);
        links.push({ up: link, step: i });
      }
    } else {
      for (let i = n.pairs.length - 1; i >= 0; i--) {
        const p = n.pairs[i]!;
        nodes.push(p.value);
        links.push({ up: link, step: p.key });
      }
    }
  }
}
