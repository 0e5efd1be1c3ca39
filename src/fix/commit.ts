import { promises as fs } from 'node:fs';
import { ProjectRoot } from '../core/project-root.js';
import type { FileChange } from './loop.js';
import { writeFileAtomic } from '../core/write-file.js';

export interface WriteProblem {
  relPath: string;
  message: string;
}

/**
 * Writes fixed files, each atomically and keeping its mode. A file whose
 * content on disk is no longer what was read (an editor saved it meanwhile)
 * is left alone and reported. A symbolic link stays one: the fixes are
 * written to the file it leads to, when that lies inside `projectRoot`, and
 * are not written otherwise (reported).
 */
export async function writeChanges(changes: readonly FileChange[], projectRoot?: string): Promise<WriteProblem[]> {
  const root = projectRoot === undefined ? undefined : new ProjectRoot(projectRoot);
  const problems: WriteProblem[] = [];
  for (const change of changes) {
    const onDisk = await fs.readFile(change.path).then((b) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b), () => undefined);
    if (onDisk !== change.before) {
      problems.push({ relPath: change.relPath, message: 'changed on disk while stack-lint ran; fixes not written' });
      continue;
    }
    try {
      const target = await writeTarget(change.path, root);
      if (target.refused) {
        problems.push({ relPath: change.relPath, message: target.refused });
        continue;
      }
      await writeFileAtomic(target.path, change.after);
    } catch (e) {
      problems.push({ relPath: change.relPath, message: `could not write fixes: ${(e as Error).message}` });
    }
  }
  return problems;
}

/**
 * Where a fixed file's text goes: the file itself, or, for a symbolic link
 * (pre-commit names `Dockerfile` even when it is a link to `docker/Dockerfile`),
 * the file the link leads to, so that the rename of an atomic write replaces
 * that file rather than the link.
 */
async function writeTarget(file: string, root: ProjectRoot | undefined): Promise<{ path: string; refused?: string }> {
  const stat = await fs.lstat(file);
  if (!stat.isSymbolicLink()) return { path: file };
  const target = await fs.realpath(file);
  if (root && !root.contains(file)) return { path: target, refused: `is a symbolic link to ${target}, outside the project; fixes not written` };
  return { path: target };
}
