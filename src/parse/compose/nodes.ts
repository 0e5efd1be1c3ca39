/**
 * Compose-shaped reading of YAML nodes: key/value lists, port and mount keys,
 * and the nodes the merged model creates (which borrow the position of a real
 * node, so that whatever reports on them lands on text the user wrote).
 */
import { isMap, isScalar, isSeq, type YMap, type YNode, type YPair, type YScalar, type YSeq } from '../yaml/nodes.js';

const origins = new WeakMap<YNode, YNode>();

/**
 * The node as written that a node of the merged model stands on: itself for a
 * node of a file, else the written node whose position a synthesized mapping
 * or sequence took (which may be of another type: a `KEY=value` list that
 * became a mapping, a string that became a list). Edits go there, so a fix
 * looks at what the file really holds, not at what the merge made of it.
 */
export function originOf(node: YNode): YNode {
  return origins.get(node) ?? node;
}

/** A mapping made by the merged model; it takes its file and position from `at`. */
export function synthMap(pairs: readonly YPair[], at: YNode): YMap {
  const index = new Map<string, YPair>();
  for (const p of pairs) if (!index.has(p.key)) index.set(p.key, p);
  const map: YMap = {
    type: 'map',
    pairs: [...index.values()],
    duplicates: [],
    flow: at.type === 'map' ? at.flow : false,
    start: at.start,
    end: at.end,
    file: at.file,
    ...(at.anchor ? { anchor: at.anchor } : {}),
    get: (key) => index.get(key)?.value,
    pair: (key) => index.get(key),
  };
  origins.set(map, originOf(at));
  return map;
}

/** A sequence made by the merged model; it takes its file and position from `at`. */
export function synthSeq(items: readonly YNode[], at: YNode): YSeq {
  const seq: YSeq = { type: 'seq', items, flow: at.type === 'seq' ? at.flow : false, start: at.start, end: at.end, file: at.file };
  origins.set(seq, originOf(at));
  return seq;
}

/** A null scalar at a node's position (the value of `- db` in a `depends_on` list turned into a mapping). */
export function nullAt(at: YNode): YScalar {
  return { type: 'scalar', value: null, style: 'plain', source: '', start: at.start, end: at.start, file: at.file };
}

/**
 * A scalar standing for characters [from, to) of a scalar's value (`KEY` or
 * `value` of `- KEY=value`), positioned on them when the value is written
 * verbatim, else on the whole scalar.
 */
export function subScalar(node: YScalar, from: number, to: number): YScalar {
  const whole = node.value === null ? '' : String(node.value);
  const value = whole.slice(from, to);
  const src = node.source;
  let offset = -1;
  if (node.style === 'plain' && src === whole) offset = 0;
  else if ((node.style === 'double' || node.style === 'single') && src.slice(1, -1) === whole) offset = 1;
  const start = offset < 0 ? node.start : node.start + offset + from;
  const end = offset < 0 ? node.end : node.start + offset + to;
  return { type: 'scalar', value, style: offset === 0 ? 'plain' : node.style, source: node.file.text.slice(start, end), start, end, file: node.file };
}

export interface KeyValueEntry {
  readonly key: string;
  /** The key: the map key, or the `KEY` part of `- KEY=value`. */
  readonly keyNode: YScalar;
  /** The value; undefined for a bare `- KEY` (taken from the environment). */
  readonly value: YNode | undefined;
  /** The list item (list form) or the value (map form). */
  readonly node: YNode;
}

/**
 * `environment`, `labels`, `annotations`, `build.args`, `sysctls`…: the
 * entries of a mapping, or of a list of `KEY=value` strings (`sep` `=`), or of
 * `extra_hosts`'s `host:ip` / `host=ip` strings (`sep` `:=`).
 */
export function keyValueEntries(node: YNode | undefined, sep: '=' | ':=' = '='): KeyValueEntry[] {
  const out: KeyValueEntry[] = [];
  if (isMap(node)) {
    for (const p of node.pairs) out.push({ key: p.key, keyNode: p.keyNode, value: p.value, node: p.value });
  } else if (isSeq(node)) {
    for (const item of node.items) {
      if (!isScalar(item) || item.value === null) continue;
      const text = String(item.value);
      const at = sep === '=' ? text.indexOf('=') : firstOf(text, sep);
      if (at < 0) {
        out.push({ key: text.trim(), keyNode: subScalar(item, 0, text.length), value: undefined, node: item });
      } else {
        out.push({ key: text.slice(0, at).trim(), keyNode: subScalar(item, 0, at), value: subScalar(item, at + 1, text.length), node: item });
      }
    }
  }
  return out;
}

function firstOf(text: string, chars: string): number {
  for (let i = 0; i < text.length; i++) if (chars.includes(text[i]!)) return i;
  return -1;
}

/** A string's value after interpolation, as the merged model needs for keys. */
export type ValueOf = (node: YNode | undefined) => string | undefined;

/**
 * The unique key of a `ports` entry: `host_ip:published:target/protocol`.
 * Short syntax `[[ip:]published:]target[/proto]`, a bare number, or the long form.
 */
export function portKey(node: YNode, valueOf: ValueOf): string | undefined {
  if (isMap(node)) {
    const s = (k: string) => valueOf(node.get(k)) ?? '';
    return `${s('host_ip')}:${s('published')}:${s('target')}/${s('protocol') || 'tcp'}`;
  }
  const text = valueOf(node);
  if (text === undefined) return undefined;
  const p = parsePortSpec(text);
  return p ? `${p.hostIp}:${p.published}:${p.target}/${p.protocol}` : text;
}

export interface PortSpec {
  hostIp: string;
  published: string;
  target: string;
  protocol: string;
}

/** Splits a short-syntax port (`127.0.0.1:8080:80/tcp`, `[::1]:80:80`, `8000-8010:8000-8010`). */
export function parsePortSpec(text: string): PortSpec | undefined {
  let rest = text.trim();
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1) || 'tcp';
    rest = rest.slice(0, slash);
  }
  let hostIp = '';
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 1).replace(/^:/, '');
  } else {
    const parts = rest.split(':');
    if (parts.length > 3) {
      // An unbracketed IPv6 host: everything before the last two parts.
      hostIp = parts.slice(0, -2).join(':');
      rest = parts.slice(-2).join(':');
    } else if (parts.length === 3) {
      hostIp = parts[0]!;
      rest = parts.slice(1).join(':');
    }
  }
  const parts = rest.split(':');
  if (parts.length === 1) return { hostIp, published: '', target: parts[0]!, protocol };
  if (parts.length === 2) return { hostIp, published: parts[0]!, target: parts[1]!, protocol };
  return undefined;
}

/** The container path of a `volumes` entry (short `src:target[:mode]`, `target` alone, or long form). */
export function volumeTarget(node: YNode, valueOf: ValueOf): string | undefined {
  if (isMap(node)) return valueOf(node.get('target'));
  const text = valueOf(node);
  if (text === undefined) return undefined;
  return splitVolume(text).target;
}

/** Splits short volume syntax, keeping Windows drive letters (`C:\\data:/data`) together. */
export function splitVolume(text: string): { source?: string; target: string; mode?: string } {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === ':' && !(cur.length === 1 && /[A-Za-z]/.test(cur) && (text[i + 1] === '\\' || text[i + 1] === '/'))) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  if (parts.length === 1) return { target: parts[0]! };
  if (parts.length === 2) return { source: parts[0]!, target: parts[1]! };
  return { source: parts[0]!, target: parts[1]!, mode: parts.slice(2).join(':') };
}

/**
 * Where a service's `secrets:` / `configs:` entry is mounted: `target`, else
 * `/run/secrets/<source>` for secrets and `/<source>` for configs.
 */
export function mountTarget(node: YNode, kind: 'secrets' | 'configs', valueOf: ValueOf): string | undefined {
  const source = isMap(node) ? valueOf(node.get('source')) : valueOf(node);
  const target = isMap(node) ? valueOf(node.get('target')) : undefined;
  if (target) return target.startsWith('/') ? target : kind === 'secrets' ? `/run/secrets/${target}` : `/${target}`;
  if (!source) return undefined;
  return kind === 'secrets' ? `/run/secrets/${source}` : `/${source}`;
}

/** The names a `networks` / `depends_on` value lists (list or mapping form), with their nodes. */
export function namedEntries(node: YNode | undefined): { name: string; node: YScalar; value: YNode | undefined }[] {
  if (isMap(node)) return node.pairs.map((p) => ({ name: p.key, node: p.keyNode, value: p.value }));
  if (isSeq(node)) {
    return node.items.filter(isScalar).flatMap((s) => (s.value === null ? [] : [{ name: String(s.value), node: s, value: undefined }]));
  }
  return [];
}
