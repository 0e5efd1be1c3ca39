import { promises as fs } from 'node:fs';
import path from 'node:path';
import { removeStaleTemps, tempPathFor } from './temp-files.js';

/**
 * Writes a file atomically: a temporary file in the same folder (so the
 * rename never crosses file systems), then a rename, so a reader never sees
 * half a file and a crash leaves the old one. The file's mode is kept when
 * it already exists. Temporary files that a killed run left beside it are
 * removed first (see ./temp-files.ts).
 */
export async function writeFileAtomic(file: string, text: string | Uint8Array | Iterable<string>): Promise<void> {
  const dir = path.dirname(file);
  await makeFolders(dir);
  removeStaleTemps(dir);
  const mode = await fs.stat(file).then((s) => s.mode & 0o7777, () => undefined);
  const tmp = tempPathFor(file);
  try {
    // fs.writeFile takes an iterable too: a report's pieces go to the file one by one.
    await fs.writeFile(tmp, text, mode === undefined ? {} : { mode });
    if (mode !== undefined) await fs.chmod(tmp, mode);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/**
 * `mkdir -p`, one level at a time. Node 20's `mkdir(…, { recursive: true })`
 * never returns for a path under `/proc` (it retries the parent for ever), so
 * the folders are made from the nearest existing one down, and the first
 * failure is thrown (`ENOENT`, `ENOTDIR` under a regular file, `EACCES`).
 */
export async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const stat = await fs.stat(d).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
    if (stat) {
      if (!stat.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', path: d });
      break;
    }
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing) {
    await fs.mkdir(d).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)));
  }
}
