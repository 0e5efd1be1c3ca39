/**
 * Service mounts, short syntax (`[SOURCE:]TARGET[:MODE]`) and long syntax
 * (`{ type, source, target, read_only }`), after interpolation.
 */
import { isMap, isScalar, isSeq, type YMap, type YNode, type YScalar } from '../../../src/parse/yaml/nodes.js';
import { boolOf, judge, type ComposeView } from '../../../src/parse/compose/values.js';

export type MountKind = 'bind' | 'volume' | 'anonymous' | 'tmpfs' | 'other';

export interface MountSpec {
  /** The list item: a scalar (short syntax) or a mapping (long syntax). */
  node: YNode;
  long: boolean;
  kind: MountKind;
  /** Host path (bind) or volume name, after interpolation. */
  source: string | undefined;
  target: string | undefined;
  /** Short-syntax options after the second `:` (`ro`, `z`, `cached`…). */
  modes: string[];
  readOnly: boolean;
  /** The mount says it is writable on purpose (`:rw`, `read_only: false`). */
  explicitRw: boolean;
  /** False when a variable without default is unset: the paths are guesses. */
  certain: boolean;
  /** Long syntax: the `source` node, for precise reports. */
  sourceNode: YScalar | undefined;
  /** The value as written after interpolation (short syntax). */
  text: string | undefined;
}

const MODE_WORDS = new Set([
  'ro', 'rw', 'z', 'Z', 'cached', 'delegated', 'consistent', 'nocopy',
  'shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate', 'copy',
]);

/** The mounts of a service (its `volumes` list). */
export function mountsOf(view: ComposeView, service: { get(key: string): YNode | undefined }): MountSpec[] {
  const volumes = service.get('volumes');
  if (!isSeq(volumes)) return [];
  const out: MountSpec[] = [];
  for (const item of volumes.items) {
    if (isScalar(item) && item.value !== null) out.push(parseShortNode(view, item));
    else if (isMap(item)) out.push(parseLong(view, item));
  }
  return out;
}

function parseShortNode(view: ComposeView, node: YScalar): MountSpec {
  const j = judge(view, node)!;
  const p = parseShortMount(j.value);
  return { node, long: false, sourceNode: undefined, certain: j.certain, text: j.value, ...p };
}

export function parseShortMount(text: string): Omit<MountSpec, 'node' | 'long' | 'sourceNode' | 'certain' | 'text'> {
  const parts = splitMount(text);
  let source: string | undefined;
  let target: string | undefined;
  let modes: string[] = [];
  if (parts.length === 1) {
    target = parts[0];
  } else if (parts.length === 2) {
    // `/target:ro` is an anonymous volume with a mode; otherwise SOURCE:TARGET.
    if (parts[1]!.split(',').every((m) => MODE_WORDS.has(m)) && parts[0]!.startsWith('/')) {
      target = parts[0];
      modes = parts[1]!.split(',');
    } else {
      [source, target] = parts as [string, string];
    }
  } else {
    source = parts[0];
    target = parts[1];
    modes = parts.slice(2).join(':').split(',').filter(Boolean);
  }
  const kind: MountKind = source === undefined || source === '' ? 'anonymous' : isHostPath(source) ? 'bind' : 'volume';
  return {
    kind,
    source: source === '' ? undefined : source,
    target,
    modes,
    readOnly: modes.includes('ro'),
    explicitRw: modes.includes('rw'),
  };
}

/** Splits on `:` but keeps Windows drive letters (`C:\data:/data`) together. */
function splitMount(text: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === ':' && !(cur.length === 1 && /[A-Za-z]/.test(cur) && parts.length === 0 && /[\\/]/.test(text[i + 1] ?? ''))) {
      parts.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  parts.push(cur);
  return parts;
}

/** Compose reads a source as a host path when it starts with `.`, `/`, `~` or a drive letter. */
export function isHostPath(source: string): boolean {
  return /^(?:[./~]|[A-Za-z]:[\\/]|\\\\)/.test(source);
}

function parseLong(view: ComposeView, node: YMap): MountSpec {
  const type = judge(view, node.get('type'))?.value.toLowerCase();
  const src = judge(view, node.get('source'));
  const tgt = judge(view, node.get('target'));
  const ro = boolOf(view, node.get('read_only'));
  const srcNode = node.get('source');
  let kind: MountKind;
  if (type === 'bind') kind = 'bind';
  else if (type === 'volume') kind = src?.value ? 'volume' : 'anonymous';
  else if (type === 'tmpfs') kind = 'tmpfs';
  else if (type === undefined) kind = src?.value ? (isHostPath(src.value) ? 'bind' : 'volume') : 'anonymous';
  else kind = 'other';
  return {
    node,
    long: true,
    kind,
    source: src?.value || undefined,
    target: tgt?.value,
    modes: [],
    readOnly: ro === true,
    explicitRw: ro === false,
    certain: (src?.certain ?? true) && (tgt?.certain ?? true),
    sourceNode: isScalar(srcNode) ? srcNode : undefined,
    text: undefined,
  };
}

/** Normalises a container or host path for comparison: no trailing slash, no `./`, no `//`. */
export function normalisePath(p: string): string {
  let s = p.trim().replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  s = s.replace(/\/\.(?=\/|$)/g, '');
  if (s.length > 1) s = s.replace(/\/+$/, '');
  return s;
}

/** `a` is `b` or a folder above it. */
export function covers(a: string, b: string): boolean {
  const x = normalisePath(a);
  const y = normalisePath(b);
  return x === y || x === '/' || y.startsWith(`${x}/`);
}
