import { readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * The temporary files of atomic writes (./write.ts). They sit beside the file
 * they replace, because a rename is atomic only within one file system. A run
 * killed between writing and renaming (Ctrl-C during `--fix`, a CI timeout)
 * leaves one behind, where `git add .` would pick it up; so their names say
 * whose they are, `.<name>.stack-lint-<pid>-<time>.tmp`, and the next run
 * removes those whose process is gone: before writing into a folder, and in
 * every folder it lints (see `discover`'s `onTempFile`).
 */
const TEMP_NAME = /^\..+\.stack-lint-(\d+)-\d+\.tmp$/;

export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.stack-lint-${process.pid}-${Date.now()}.tmp`);
}

/** Whether a file name is that of one of our temporary files (of any process). */
export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/** A temporary file whose writer is no longer running: this process's own are never stale. */
function isStale(name: string): boolean {
  const pid = Number(TEMP_NAME.exec(name)?.[1]);
  if (!pid || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    // EPERM: alive, someone else's
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes the stale temporary files among `files` (absolute paths); any it cannot remove stay. */
export function removeStaleTempFiles(files: Iterable<string>): void {
  for (const file of files) {
    if (!isStale(path.basename(file))) continue;
    try {
      unlinkSync(file);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** Removes the stale temporary files in a folder (before a write into it, and in the folders of files named one by one, which no walk lists). */
export function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  removeStaleTempFiles(names.filter(isTempName).map((n) => path.join(dir, n)));
}
