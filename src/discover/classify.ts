import type { FileKind } from '../core/source.js';
import { FILE_KINDS } from '../kinds/index.js';

/** Decides a file's kind from its base name (each kind's `fromName`, in the order kinds are registered); `undefined` when the name says nothing. */
export function kindFromName(basename: string): FileKind | undefined {
  return FILE_KINDS.find((k) => k.fromName(basename))?.name;
}

/** An extension-less file may be a script: its first line decides (`kindFromShebang`). */
export function mayHaveShebang(basename: string): boolean {
  return !basename.includes('.');
}

/** The kind whose `fromShebang` claims an extension-less file's first line. */
export function kindFromShebang(firstLine: string): FileKind | undefined {
  return FILE_KINDS.find((k) => k.fromShebang?.(firstLine))?.name;
}
