import { promises as fs } from 'node:fs';
import type { FileChange } from './loop.js';
import { writeFileAtomic } from './write.js';

export interface WriteProblem {
  relPath: string;
  message: string;
}

/**
 * Writes fixed files, each atomically and keeping its mode. A file whose
 * content on disk is no longer what was read (an editor saved it meanwhile)
 * is left alone and reported.
 */
export async function writeChanges(changes: readonly FileChange[]): Promise<WriteProblem[]> {
  const problems: WriteProblem[] = [];
  for (const change of changes) {
    const onDisk = await fs.readFile(change.path).then((b) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b), () => undefined);
    if (onDisk !== change.before) {
      problems.push({ relPath: change.relPath, message: 'changed on disk while stack-lint ran; fixes not written' });
      continue;
    }
    try {
      await writeFileAtomic(change.path, change.after);
    } catch (e) {
      problems.push({ relPath: change.relPath, message: `could not write fixes: ${(e as Error).message}` });
    }
  }
  return problems;
}
