/**
 * Merging compose YAML the way `docker compose -f a -f b` does, on our YAML
 * nodes: mappings merge, sequences append, `command` / `entrypoint` /
 * `healthcheck.test` replace, key/value settings (`environment`, `labels`,
 * `extra_hosts`…) merge by key in either form, `ports` / `volumes` / `secrets`
 * / `configs` are unique by their key, `!reset` removes and `!override`
 * replaces. The result is made of the original nodes wherever a value comes
 * from one file, and of synthesized collections (positioned on the first
 * definition) where two files contribute, so every leaf still knows its file.
 */
import { isMap, isScalar, isSeq, type YMap, type YNode, type YPair, type YScalar } from '../yaml/nodes.js';
import {
  keyValueEntries,
  mountTarget,
  nullAt,
  portKey,
  synthMap,
  synthSeq,
  volumeTarget,
  type ValueOf,
} from './nodes.js';

export interface MergeConflict {
  /** Key path of the setting, e.g. `services.web.ulimits.nofile`. */
  readonly path: readonly string[];
  /** The later value's key, when it is a mapping value. */
  key?: YScalar;
  /** The earlier value. */
  readonly base: YNode;
  /** The later value, which wins. */
  readonly over: YNode;
}

export interface MergeContext {
  readonly valueOf: ValueOf;
  /** Type mismatches met while merging (the later value is kept). */
  readonly conflicts: MergeConflict[];
}

type Strategy =
  | 'replace'
  | 'keyValue'
  | 'hosts'
  | 'ports'
  | 'volumes'
  | 'secrets'
  | 'configs'
  | 'named'
  | 'build'
  | 'stringOrList'
  | 'logging'
  | 'default';

const SERVICE_STRATEGIES: Record<string, Strategy> = {
  command: 'replace',
  entrypoint: 'replace',
  'healthcheck.test': 'replace',
  extends: 'replace',
  environment: 'keyValue',
  labels: 'keyValue',
  annotations: 'keyValue',
  sysctls: 'keyValue',
  storage_opt: 'keyValue',
  'build.args': 'keyValue',
  'build.labels': 'keyValue',
  'build.additional_contexts': 'keyValue',
  'build.ssh': 'keyValue',
  'deploy.labels': 'keyValue',
  'logging.options': 'keyValue',
  extra_hosts: 'hosts',
  'build.extra_hosts': 'hosts',
  ports: 'ports',
  volumes: 'volumes',
  secrets: 'secrets',
  configs: 'configs',
  'build.secrets': 'secrets',
  depends_on: 'named',
  networks: 'named',
  build: 'build',
  env_file: 'stringOrList',
  label_file: 'stringOrList',
  dns: 'stringOrList',
  dns_search: 'stringOrList',
  tmpfs: 'stringOrList',
  'build.cache_from': 'stringOrList',
  'build.cache_to': 'stringOrList',
  'build.tags': 'stringOrList',
  'build.platforms': 'stringOrList',
  logging: 'logging',
};

const RESOURCE_STRATEGIES: Record<string, Strategy> = {
  labels: 'keyValue',
  driver_opts: 'keyValue',
  'ipam.options': 'keyValue',
};

function strategyAt(path: readonly string[]): Strategy {
  if (path[0] === 'services' && path.length >= 3) return SERVICE_STRATEGIES[path.slice(2).join('.')] ?? (path[2] === 'ulimits' && path.length === 4 ? 'replace' : 'default');
  if ((path[0] === 'networks' || path[0] === 'volumes' || path[0] === 'secrets' || path[0] === 'configs') && path.length >= 3) {
    return RESOURCE_STRATEGIES[path.slice(2).join('.')] ?? 'default';
  }
  return 'default';
}

/** True when the node is tagged `!reset`. */
export const isReset = (n: YNode | undefined): boolean => n?.tag === '!reset';
/** True when the node is tagged `!override`. */
export const isOverride = (n: YNode | undefined): boolean => n?.tag === '!override';

const stripped = new WeakMap<YNode, YNode | null>();

/**
 * The node without what `!reset` removes inside it (the node itself when
 * nothing is tagged, so identity is kept); undefined when it is tagged itself.
 */
export function withoutResets(node: YNode): YNode | undefined {
  if (isReset(node)) return undefined;
  if (node.type === 'scalar') return node;
  const known = stripped.get(node);
  if (known !== undefined) return known ?? undefined;
  stripped.set(node, node); // a self-referencing alias ends here
  let out: YNode = node;
  if (node.type === 'map') {
    let changed = false;
    const pairs: YPair[] = [];
    for (const p of node.pairs) {
      const v = withoutResets(p.value);
      if (v !== p.value) changed = true;
      if (v) pairs.push(v === p.value ? p : { ...p, value: v });
    }
    if (changed) out = synthMap(pairs, node);
  } else {
    let changed = false;
    const items: YNode[] = [];
    for (const i of node.items) {
      const v = withoutResets(i);
      if (v !== i) changed = true;
      if (v) items.push(v);
    }
    if (changed) out = synthSeq(items, node);
  }
  stripped.set(node, out);
  return out;
}

/**
 * Merges `over` onto `base` at a key path (`['services', 'web', 'ports']`).
 * Returns undefined when the result is removed (`!reset`).
 */
export function mergeValue(base: YNode | undefined, over: YNode, path: readonly string[], ctx: MergeContext): YNode | undefined {
  if (isReset(over)) return undefined;
  if (!base || isOverride(over)) return withoutResets(over);
  // An empty value in a later file (`ports:`) leaves the earlier one alone.
  if (isScalar(over) && over.value === null && !isScalar(base)) return base;
  if (isScalar(base) && base.value === null) return withoutResets(over);
  const strategy = strategyAt(path);
  switch (strategy) {
    case 'replace':
      return withoutResets(over);
    case 'keyValue':
    case 'hosts':
      return mergeKeyValue(base, over, path, ctx, strategy === 'hosts' ? ':=' : '=');
    case 'ports':
    case 'volumes':
    case 'secrets':
    case 'configs':
      return mergeUnique(base, over, path, ctx, strategy);
    case 'named':
      return mergeNamed(base, over, path, ctx);
    case 'build': {
      const a = asContext(base);
      const b = asContext(over);
      if (isMap(a) && isMap(b)) return mergeMaps(a, b, path, ctx);
      ctx.conflicts.push({ path, base, over });
      return withoutResets(over);
    }
    case 'stringOrList':
      return appendUnique(asList(base), asList(over), ctx);
    case 'logging':
      if (isMap(base) && isMap(over)) {
        const a = ctx.valueOf(base.get('driver'));
        const b = ctx.valueOf(over.get('driver'));
        if (a && b && a !== b) return withoutResets(over);
      }
      return mergeDefault(base, over, path, ctx);
    default:
      return mergeDefault(base, over, path, ctx);
  }
}

function mergeDefault(base: YNode, over: YNode, path: readonly string[], ctx: MergeContext): YNode | undefined {
  if (isMap(base) && isMap(over)) return mergeMaps(base, over, path, ctx);
  if (isSeq(base) && isSeq(over)) return appendUnique(base, over, ctx);
  if (base.type !== over.type) ctx.conflicts.push({ path, base, over });
  return withoutResets(over);
}

/** Mapping merge: keys of both, later values merged onto earlier ones. */
export function mergeMaps(base: YMap, over: YMap, path: readonly string[], ctx: MergeContext): YMap {
  const pairs: YPair[] = [];
  for (const bp of base.pairs) {
    const op = over.pair(bp.key);
    if (!op) {
      pairs.push(bp);
      continue;
    }
    const before = ctx.conflicts.length;
    const v = mergeValue(bp.value, op.value, [...path, bp.key], ctx);
    for (let i = before; i < ctx.conflicts.length; i++) if (ctx.conflicts[i]!.over === op.value) ctx.conflicts[i]!.key ??= op.keyNode;
    if (v) pairs.push({ key: bp.key, keyNode: op.keyNode, value: v, merged: op.merged });
  }
  for (const op of over.pairs) {
    if (base.pair(op.key)) continue;
    const v = withoutResets(op.value);
    if (v) pairs.push(v === op.value ? op : { ...op, value: v });
  }
  return synthMap(pairs, base);
}

function asContext(node: YNode): YNode {
  if (!isScalar(node) || node.value === null) return node;
  return synthMap([{ key: 'context', keyNode: node, value: node, merged: false }], node);
}

function asList(node: YNode): YNode {
  return isScalar(node) && node.value !== null ? synthSeq([node], node) : node;
}

function appendUnique(base: YNode, over: YNode, ctx: MergeContext): YNode | undefined {
  if (!isSeq(base) || !isSeq(over)) return withoutResets(over);
  const items: YNode[] = [...base.items];
  const seen = new Set(base.items.map((i) => (isScalar(i) ? ctx.valueOf(i) : undefined)).filter((v) => v !== undefined));
  for (const raw of over.items) {
    const item = withoutResets(raw);
    if (!item) continue;
    const v = isScalar(item) ? ctx.valueOf(item) : undefined;
    if (v !== undefined && seen.has(v)) continue;
    if (v !== undefined) seen.add(v);
    items.push(item);
  }
  return synthSeq(items, base);
}

/** `environment` & co: by key, whichever form each side is written in. */
function mergeKeyValue(base: YNode, over: YNode, path: readonly string[], ctx: MergeContext, sep: '=' | ':='): YNode | undefined {
  if (isMap(base) && isMap(over)) return mergeMaps(base, over, path, ctx);
  if (!(isMap(base) || isSeq(base)) || !(isMap(over) || isSeq(over))) {
    ctx.conflicts.push({ path, base, over });
    return withoutResets(over);
  }
  const baseEntries = keyValueEntries(base, sep);
  const overEntries = keyValueEntries(over, sep).filter((e) => !isReset(e.node));
  const resetKeys = new Set(keyValueEntries(over, sep).filter((e) => isReset(e.node)).map((e) => e.key));
  if (isSeq(base) && isSeq(over)) {
    const overByKey = new Map(overEntries.map((e) => [e.key, e]));
    const items: YNode[] = [];
    for (const e of baseEntries) {
      if (resetKeys.has(e.key)) continue;
      const o = overByKey.get(e.key);
      items.push(o ? o.node : e.node);
      overByKey.delete(e.key);
    }
    for (const e of overEntries) if (overByKey.has(e.key)) items.push(e.node);
    return synthSeq(items, base);
  }
  // Mixed forms: a mapping, list items becoming pairs positioned on their text.
  const toPair = (e: (typeof baseEntries)[number]): YPair => ({ key: e.key, keyNode: e.keyNode, value: e.value ?? nullAt(e.node), merged: false });
  const byKey = new Map<string, YPair>();
  for (const e of baseEntries) byKey.set(e.key, toPair(e));
  for (const e of overEntries) byKey.set(e.key, toPair(e));
  for (const k of resetKeys) byKey.delete(k);
  return synthMap([...byKey.values()], base);
}

/** `ports`, `volumes`, `secrets`, `configs`: appended, entries sharing a unique key merged. */
function mergeUnique(base: YNode, over: YNode, path: readonly string[], ctx: MergeContext, kind: 'ports' | 'volumes' | 'secrets' | 'configs'): YNode | undefined {
  if (!isSeq(base) || !isSeq(over)) {
    if (base.type !== over.type) ctx.conflicts.push({ path, base, over });
    return withoutResets(over);
  }
  const keyOf = (n: YNode): string | undefined =>
    kind === 'ports' ? portKey(n, ctx.valueOf) : kind === 'volumes' ? volumeTarget(n, ctx.valueOf) : mountTarget(n, kind, ctx.valueOf);
  const items: YNode[] = [...base.items];
  const at = new Map<string, number>();
  items.forEach((n, i) => {
    const k = keyOf(n);
    if (k !== undefined && !at.has(k)) at.set(k, i);
  });
  for (const raw of over.items) {
    const item = withoutResets(raw);
    if (!item) continue;
    const k = keyOf(item);
    const i = k === undefined ? undefined : at.get(k);
    if (i === undefined) {
      if (k !== undefined) at.set(k, items.length);
      items.push(item);
      continue;
    }
    const prev = items[i]!;
    items[i] = isMap(prev) && isMap(item) ? mergeMaps(prev, item, [...path, '\u0000'], ctx) : item;
  }
  return synthSeq(items, base);
}

/** `depends_on`, service `networks`: a list of names or a mapping by name. */
function mergeNamed(base: YNode, over: YNode, path: readonly string[], ctx: MergeContext): YNode | undefined {
  if (isSeq(base) && isSeq(over)) return appendUnique(base, over, ctx);
  const asMap = (n: YNode): YMap | undefined => {
    if (isMap(n)) return n;
    if (!isSeq(n)) return undefined;
    const pairs: YPair[] = [];
    for (const item of n.items) {
      if (!isScalar(item) || item.value === null) continue;
      pairs.push({ key: String(item.value), keyNode: item as YScalar, value: nullAt(item), merged: false });
    }
    return synthMap(pairs, n);
  };
  const a = asMap(base);
  const b = asMap(over);
  if (!a || !b) {
    ctx.conflicts.push({ path, base, over });
    return withoutResets(over);
  }
  return mergeMaps(a, b, path, ctx);
}
