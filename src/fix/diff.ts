import { createTwoFilesPatch } from 'diff';

/** A unified diff of one file, as `--fix-dry-run` prints it. */
export function unifiedDiff(relPath: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${relPath}`, `b/${relPath}`, before, after, undefined, undefined, { context: 3 })
    .replace(/^=+\n/, '')
    .replace(/^Index: .*\n/, '');
}
