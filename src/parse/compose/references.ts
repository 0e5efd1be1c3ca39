/**
 * The compose files a compose file pulls in by itself: its `include:` entries
 * and its services' `extends: {file: …}`. Such a file is a compose file
 * whatever its name (`services/db.yaml`, `ci/common.yml`); this is read before
 * anything is parsed for linting, so it works on the plain YAML text.
 */
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A compose file another one reaches, and where it is named. */
export interface ComposeReference {
  /** Absolute. */
  readonly file: string;
  readonly kind: 'include' | 'extends';
  /** The compose file that names it, and the 1-based line. */
  readonly at: { readonly file: string; readonly line: number };
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|oci:)/i;

/** The `include` and `extends.file` paths of one compose file, resolved against its folder. */
export function composeReferences(file: string, text: string): ComposeReference[] {
  // Most files have neither key: they are not parsed a second time.
  if (!/(?:^|\n)["']?include["']?\s*:|["']?extends["']?\s*:/.test(text)) return [];
  const lines = new LineCounter();
  let root: unknown;
  try {
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
    root = doc.contents;
  } catch {
    return [];
  }
  if (!isMap(root)) return [];
  const out: ComposeReference[] = [];
  const add = (node: unknown, kind: ComposeReference['kind']) => {
    if (!isScalar(node) || typeof node.value !== 'string') return;
    const written = literal(node.value);
    if (written === undefined || REMOTE.test(written)) return;
    const line = lines.linePos((node as Node).range?.[0] ?? 0).line;
    out.push({ file: path.resolve(path.dirname(file), written), kind, at: { file, line } });
  };
  const include = root.get('include', true);
  if (isSeq(include)) {
    for (const entry of include.items) {
      const p = isMap(entry) ? entry.get('path', true) : entry;
      if (isSeq(p)) p.items.forEach((n) => add(n, 'include'));
      else add(p, 'include');
    }
  }
  const services = root.get('services', true);
  if (isMap(services)) {
    for (const pair of services.items) {
      const ext = isMap(pair.value) ? pair.value.get('extends', true) : undefined;
      if (isMap(ext)) add(ext.get('file', true), 'extends');
    }
  }
  return out;
}

/**
 * Every compose file reached from `starts` through `include` and `extends`,
 * transitively, with the first reference found to each; the starts themselves
 * are left out. `read` gives a file's text (undefined: not there, not readable).
 */
export function reachedComposeFiles(starts: readonly string[], read: (abs: string) => string | undefined): Map<string, ComposeReference> {
  const out = new Map<string, ComposeReference>();
  const seen = new Set(starts);
  const queue = [...starts];
  while (queue.length) {
    const file = queue.shift()!;
    const text = read(file);
    if (text === undefined) continue;
    for (const ref of composeReferences(file, text)) {
      if (seen.has(ref.file)) continue;
      seen.add(ref.file);
      if (read(ref.file) === undefined) continue;
      out.set(ref.file, ref);
      queue.push(ref.file);
    }
  }
  return out;
}

/** A path as written, with `${VAR:-default}` taken at its default; undefined when a variable has none. */
function literal(value: string): string | undefined {
  const out = value.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}$]*)\}/g, '$1');
  return out.includes('$') || out.trim() === '' ? undefined : out;
}
