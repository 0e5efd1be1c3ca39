import path from 'node:path';
import { NotRegularFileError, readRegularFileSync } from './read-file.js';
import { createSourceFile, type FileKind, type SourceFile } from '../core/source.js';

/** Files larger than this are reported, not parsed. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export type ReadOutcome =
  | { ok: true; source: SourceFile }
  /**
   * `unreadable`: an I/O error (exit 2). `unlintable`: readable but not text we lint (a syntax finding).
   * `too-large`: over `MAX_FILE_BYTES` (a `stack-lint/too-complex` finding).
   */
  | { ok: false; path: string; relPath: string; kind: FileKind; problem: 'unreadable' | 'unlintable' | 'too-large'; message: string };

export function relativePath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs) || path.basename(abs);
  return rel.split(path.sep).join('/');
}

export function readSource(
  abs: string,
  kind: FileKind,
  cwd: string,
  overlay?: ReadonlyMap<string, string>,
): ReadOutcome {
  const relPath = relativePath(cwd, abs);
  const given = overlay?.get(abs);
  if (given !== undefined) {
    // Standard input and in-memory texts are held to the same limit as files on disk.
    const bytes = Buffer.from(given, 'utf8');
    return bytes.length > MAX_FILE_BYTES ? tooLarge(bytes.length, abs, relPath, kind) : fromBytes(bytes, abs, relPath, kind);
  }
  // Synchronous on purpose: the files are small and local, and each asynchronous
  // step (open, stat, read, close) is a round trip through the thread pool that
  // costs more than the read itself (see docs/performance.md).
  let size = 0;
  try {
    const bytes = readRegularFileSync(abs, (n) => ((size = n), n > MAX_FILE_BYTES));
    if (!bytes) return tooLarge(size, abs, relPath, kind);
    return fromBytes(bytes, abs, relPath, kind);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err instanceof NotRegularFileError ? err.message : err.code === 'EISDIR' ? 'is a folder' : err.message;
    return { ok: false, path: abs, relPath, kind, problem: 'unreadable', message: `cannot read ${relPath}: ${why}` };
  }
}

function tooLarge(size: number, abs: string, relPath: string, kind: FileKind): ReadOutcome {
  const mb = (size / 1024 / 1024).toFixed(1);
  return { ok: false, path: abs, relPath, kind, problem: 'too-large', message: `file is ${mb} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit; not linted` };
}

export function fromBytes(bytes: Buffer, abs: string, relPath: string, kind: FileKind): ReadOutcome {
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul >= 0) {
    return { ok: false, path: abs, relPath, kind, problem: 'unlintable', message: `file looks binary (NUL byte at offset ${nul}); not linted` };
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { ok: true, source: createSourceFile({ path: abs, relPath, kind, text }) };
}
