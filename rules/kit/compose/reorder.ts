/**
 * Reordering the entries of a block mapping or the items of a block sequence
 * as text: each entry moves with the comment lines right above it, the blank
 * lines between entries stay where they are, and the result is parsed again
 * and compared with the original so a reorder never changes what the file
 * means (an alias moved above its anchor, say). Undefined when that cannot be
 * guaranteed.
 */
import { parseDocument } from 'yaml';
import type { TextEdit } from '../../../src/core/diagnostic.js';
import type { SourceFile } from '../../../src/core/source.js';
import type { YMap, YNode, YSeq } from '../../../src/parse/yaml/nodes.js';
import { lineStartOf } from './edits.js';

interface Chunk {
  start: number;
  end: number;
}

/**
 * One edit that puts the entries of `node` in the order of `order` (indices
 * into the explicit pairs / items). `path` locates the node from the document
 * root (keys and indices) for the meaning check.
 */
export function reorderEdit(
  file: SourceFile,
  node: YMap | YSeq,
  order: readonly number[],
  path: readonly (string | number)[],
): TextEdit | undefined {
  const edit = reorderText(file, node, order);
  return edit && keepsMeaning(file, [edit], [path]) ? edit : undefined;
}

/**
 * Reorder edits for several nodes of one file (one per service, say), checked
 * together with one parse; when the batch does not keep the meaning, each is
 * checked alone (up to a bound), and those that fail get no edit.
 */
export function reorderEdits(
  file: SourceFile,
  requests: readonly { node: YMap | YSeq; order: readonly number[]; path: readonly (string | number)[] }[],
): (TextEdit | undefined)[] {
  const edits = requests.map((r) => reorderText(file, r.node, r.order));
  const ready = edits.map((e, i) => ({ e, path: requests[i]!.path })).filter((x): x is { e: TextEdit; path: readonly (string | number)[] } => !!x.e);
  if (!ready.length || keepsMeaning(file, ready.map((x) => x.e), ready.map((x) => x.path))) return edits;
  let budget = 20;
  return edits.map((e, i) => (e && budget-- > 0 && keepsMeaning(file, [e], [requests[i]!.path]) ? e : undefined));
}

/** The reordered text as one edit, without the meaning check. */
function reorderText(file: SourceFile, node: YMap | YSeq, order: readonly number[]): TextEdit | undefined {
  if (node.flow) return flowReorder(file, node, order);
  const starts = node.type === 'map' ? node.pairs.filter((p) => !p.merged).map((p) => p.keyNode.start) : node.items.map((i) => dashOf(file, i));
  if (starts.some((s) => s === undefined) || starts.length < 2) return undefined;
  const firstStarts = starts as number[];
  for (let i = 1; i < firstStarts.length; i++) if (firstStarts[i]! <= firstStarts[i - 1]!) return undefined;
  // Each entry starts its own line.
  for (const s of firstStarts) if (file.text.slice(lineStartOf(file, s), s).trim() !== '') return undefined;
  const chunks: Chunk[] = [];
  for (let i = 0; i < firstStarts.length; i++) {
    const ls = lineStartOf(file, firstStarts[i]!);
    const start = withLeadingComments(file, ls, firstStarts[i]! - ls, i === 0 ? undefined : chunks[i - 1]);
    chunks.push({ start, end: 0 });
  }
  for (let i = 0; i < chunks.length; i++) {
    const limit = i + 1 < chunks.length ? chunks[i + 1]!.start : node.end;
    chunks[i]!.end = trimTrailingBlank(file, chunks[i]!.start, limit);
  }
  const texts = chunks.map((c) => file.text.slice(c.start, c.end));
  const regionStart = chunks[0]!.start;
  const regionEnd = chunks[chunks.length - 1]!.end;
  let out = '';
  for (let i = 0; i < chunks.length; i++) {
    out += texts[order[i]!]!;
    if (i + 1 < chunks.length) out += file.text.slice(chunks[i]!.end, chunks[i + 1]!.start);
  }
  return { start: regionStart, end: regionEnd, text: out };
}

/** The offset of the `- ` that introduces a block sequence item. */
function dashOf(file: SourceFile, item: YNode): number | undefined {
  let i = item.start - 1;
  while (i >= 0 && (file.text[i] === ' ' || file.text[i] === '\t')) i--;
  return file.text[i] === '-' ? i : undefined;
}

/**
 * Moves a chunk's start up over the comment-only lines directly above it that
 * are not indented deeper than the entry (deeper ones belong to the entry
 * before), never past the previous chunk.
 */
function withLeadingComments(file: SourceFile, lineStart: number, column: number, previous: Chunk | undefined): number {
  let start = lineStart;
  const floor = previous ? previous.start + 1 : 0;
  for (;;) {
    if (start <= floor) break;
    const prevLineStart = lineStartOf(file, start - 1);
    if (prevLineStart < floor) break;
    const raw = file.text.slice(prevLineStart, start);
    const line = raw.trim();
    if (!line.startsWith('#') || raw.indexOf('#') > column) break;
    start = prevLineStart;
  }
  return start;
}

/** The end of the last non-blank line in [start, limit), before its line break. */
function trimTrailingBlank(file: SourceFile, start: number, limit: number): number {
  let end = limit;
  while (end > start && /\s/.test(file.text[end - 1]!)) end--;
  return end;
}

function flowReorder(file: SourceFile, node: YMap | YSeq, order: readonly number[]): TextEdit | undefined {
  const spans =
    node.type === 'map'
      ? node.pairs.filter((p) => !p.merged).map((p) => ({ start: p.keyNode.start, end: p.value.end }))
      : node.items.map((i) => ({ start: i.start, end: i.end }));
  if (spans.length < 2) return undefined;
  const texts = spans.map((s) => file.text.slice(s.start, s.end));
  const start = spans[0]!.start;
  const end = spans[spans.length - 1]!.end;
  let out = '';
  for (let i = 0; i < spans.length; i++) {
    out += texts[order[i]!]!;
    if (i + 1 < spans.length) out += file.text.slice(spans[i]!.end, spans[i + 1]!.start);
  }
  return { start, end, text: out };
}

/**
 * The edited text parses without error and means the same as before: mapping
 * key order never matters, and the reordered sequences (at `paths`) are
 * compared as multisets.
 */
function keepsMeaning(file: SourceFile, edits: readonly TextEdit[], paths: readonly (readonly (string | number)[])[]): boolean {
  let after = file.text;
  for (const e of [...edits].sort((x, y) => y.start - x.start)) after = after.slice(0, e.start) + e.text + after.slice(e.end);
  const a = original(file);
  const b = parseDocument(after, { merge: true, uniqueKeys: false });
  if (b.errors.length || a.errors.length) return false;
  const keys = new Set(paths.map((p) => p.map(String).join('\u0000')));
  try {
    return canonical(a.toJS(TO_JS), [], keys) === canonical(b.toJS(TO_JS), [], keys);
  } catch {
    return false; // an alias that now comes before its anchor, or aliases that expand without bound: no fix
  }
}

/** How much aliases may expand while the meaning is compared; an alias bomb gets no reordering fix rather than minutes of work. */
const MAX_ALIAS_COUNT = 10_000;
/** Mappings as `Map`s: a key that is itself a collection (`? [a, b]`) stays a value, with no stringifying warning on stderr. */
const TO_JS = { maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true } as const;

const originals = new WeakMap<SourceFile, ReturnType<typeof parseDocument>>();

/** The file as parsed for the meaning check, once per file. */
function original(file: SourceFile): ReturnType<typeof parseDocument> {
  let doc = originals.get(file);
  if (!doc) originals.set(file, (doc = parseDocument(file.text, { merge: true, uniqueKeys: false })));
  return doc;
}

function canonical(v: unknown, at: string[], sortedSeqs: ReadonlySet<string>): string {
  if (Array.isArray(v)) {
    const items = v.map((x, i) => canonical(x, [...at, String(i)], sortedSeqs));
    if (sortedSeqs.has(at.join('\u0000'))) items.sort();
    return `[${items.join(',')}]`;
  }
  if (v instanceof Map) {
    const entries = [...v].map(([k, x]) => {
      const key = k !== null && typeof k === 'object' ? canonical(k, [], sortedSeqs) : String(k);
      return `${JSON.stringify(key)}:${canonical(x, [...at, key], sortedSeqs)}`;
    });
    entries.sort();
    return `{${entries.join(',')}}`;
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x, [...at, k], sortedSeqs)}`);
    entries.sort();
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(v);
}
