/**
 * Git's index (`.git/index`), read for one fact: which paths the repository
 * tracks. Versions 2, 3 and 4 (4 writes each path as a cut of the previous
 * one plus a suffix). The bytes come from a checkout, which is untrusted: every
 * length is checked against the buffer and against caps, the trailing checksum
 * is verified when the index has one, and anything unexpected (a truncated or
 * corrupt file, an unknown version, a split index whose entries live in another
 * file) gives `undefined`, "unknown", never an exception.
 */
import { createHash } from 'node:crypto';

/** Indexes larger than this are not read (a repository of a million files is about 100 MB). */
export const MAX_INDEX_BYTES = 64 * 1024 * 1024;
/** More entries than this are not believed. */
const MAX_ENTRIES = 2_000_000;
/** A path longer than this is taken for corruption. */
const MAX_PATH_BYTES = 16 * 1024;

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFGITLINK = 0o160000;

export interface GitIndex {
  readonly version: 2 | 3 | 4;
  /** Every path of the index (slash-separated, relative to the repository's top folder), at any stage. */
  readonly paths: ReadonlySet<string>;
  /**
   * Folders whose files the index does not list one by one: submodules (gitlinks)
   * and the folders of a sparse index. Whether a path under one is tracked is unknown.
   */
  readonly opaque: readonly string[];
}

/** Whether the index tracks a path (relative to the repository's top folder, slash-separated); undefined when it cannot tell. */
export function isTracked(index: GitIndex, rel: string): boolean | undefined {
  if (index.paths.has(rel)) return true;
  if (index.opaque.some((dir) => rel.startsWith(`${dir}/`))) return undefined;
  return false;
}

/**
 * The paths an index lists; undefined when the bytes are not an index this
 * reader understands in full. `hashBytes` is the object id size of the
 * repository (20 for SHA-1, 32 for SHA-256).
 */
export function readGitIndex(bytes: Uint8Array, hashBytes: 20 | 32 = 20): GitIndex | undefined {
  try {
    return parse(bytes, hashBytes);
  } catch {
    // A bug must not stop the run: what the index says is then unknown.
    return undefined;
  }
}

function parse(bytes: Uint8Array, hashBytes: number): GitIndex | undefined {
  if (bytes.length > MAX_INDEX_BYTES || bytes.length < 12 + hashBytes) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (ascii(bytes, 0, 4) !== 'DIRC') return undefined;
  const version = view.getUint32(4);
  if (version !== 2 && version !== 3 && version !== 4) return undefined;
  const count = view.getUint32(8);
  const end = bytes.length - hashBytes;
  // The smallest entry is the fixed part, a one-byte path and its end.
  const fixed = 40 + hashBytes + 2;
  if (count > MAX_ENTRIES || count * (fixed + 2) > end - 12) return undefined;
  if (!checksumHolds(bytes, end, hashBytes)) return undefined;

  const decoder = new TextDecoder('utf-8', { fatal: false });
  const paths = new Set<string>();
  const opaque: string[] = [];
  let previous: Uint8Array = new Uint8Array(0);
  let at = 12;
  for (let i = 0; i < count; i++) {
    const start = at;
    if (at + fixed > end) return undefined;
    const mode = view.getUint32(at + 24);
    const flags = view.getUint16(at + 40 + hashBytes);
    at += fixed;
    if (flags & 0x4000) {
      // Extended flags: version 3 and later only.
      if (version < 3 || at + 2 > end) return undefined;
      at += 2;
    }
    let name: Uint8Array;
    if (version === 4) {
      const cut = varint(bytes, at, end);
      if (!cut || cut.value > previous.length) return undefined;
      at = cut.next;
      const nul = indexOfNul(bytes, at, Math.min(end, at + MAX_PATH_BYTES + 1));
      if (nul < 0) return undefined;
      const kept = previous.length - cut.value;
      if (kept + (nul - at) > MAX_PATH_BYTES) return undefined;
      name = new Uint8Array(kept + (nul - at));
      name.set(previous.subarray(0, kept));
      name.set(bytes.subarray(at, nul), kept);
      at = nul + 1;
    } else {
      const nul = indexOfNul(bytes, at, Math.min(end, at + MAX_PATH_BYTES + 1));
      if (nul < 0) return undefined;
      const length = flags & 0x0fff;
      // The length field saturates at 0xFFF; below that it must be the path's.
      if (length < 0x0fff ? length !== nul - at : nul - at < 0x0fff) return undefined;
      name = bytes.subarray(at, nul);
      // Entries are padded with NULs to a multiple of 8 bytes.
      const size = (at - start + name.length + 8) & ~7;
      if (start + size > end) return undefined;
      for (let p = nul; p < start + size; p++) if (bytes[p] !== 0) return undefined;
      at = start + size;
    }
    if (name.length === 0) return undefined;
    previous = name;
    const text = decoder.decode(name);
    const kind = mode & S_IFMT;
    if (kind === S_IFDIR || kind === S_IFGITLINK) opaque.push(text.replace(/\/$/, ''));
    else paths.add(text);
  }
  // Extensions: a split index keeps most entries in another file, so this one alone does not say what is tracked.
  while (at < end) {
    if (at + 8 > end) return undefined;
    const signature = ascii(bytes, at, 4);
    const size = view.getUint32(at + 4);
    if (size > end - at - 8) return undefined;
    if (signature === 'link') return undefined;
    at += 8 + size;
  }
  return { version, paths, opaque };
}

/** The trailing hash is of everything before it; a zero hash means the writer skipped it (`index.skipHash`). */
function checksumHolds(bytes: Uint8Array, end: number, hashBytes: number): boolean {
  const trailer = bytes.subarray(end);
  if (trailer.every((b) => b === 0)) return true;
  const digest = createHash(hashBytes === 32 ? 'sha256' : 'sha1').update(bytes.subarray(0, end)).digest();
  return Buffer.compare(digest, trailer) === 0;
}

/** Git's offset encoding of version 4 (each continuation adds one before shifting). */
function varint(bytes: Uint8Array, at: number, end: number): { value: number; next: number } | undefined {
  if (at >= end) return undefined;
  let c = bytes[at++]!;
  let value = c & 0x7f;
  while (c & 0x80) {
    if (at >= end || value > MAX_PATH_BYTES) return undefined;
    c = bytes[at++]!;
    value = ((value + 1) << 7) | (c & 0x7f);
  }
  return { value, next: at };
}

function indexOfNul(bytes: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (bytes[i] === 0) return i;
  return -1;
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}
