import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file atomically: a temporary file in the same folder, then a
 * rename, so a reader never sees half a file and a crash leaves the old one.
 * The file's mode is kept when it already exists.
 */
export async function writeFileAtomic(file: string, text: string | Iterable<string>): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const mode = await fs.stat(file).then((s) => s.mode & 0o7777, () => undefined);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
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
