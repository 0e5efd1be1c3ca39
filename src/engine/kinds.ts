/**
 * The engine's side of the file kinds (src/kinds/): the loop lints a parsed
 * file and reads its suppression comments through the file's kind, and knows
 * no kind by name.
 */
import { fileKind, type DirectiveSource, type FileRun, type ParsedFile } from '../kinds/index.js';

export type { DirectiveSource, FileRun };

/** Runs the rules of the file's kind on it; a file that did not parse has only its syntax findings. */
export async function lintParsedFile(file: ParsedFile, run: FileRun): Promise<void> {
  if (!file.doc) return;
  await fileKind(file.kind).lint({ source: file.source, doc: file.doc }, run);
}

/** Where the file's suppression directives are, as its kind writes comments. */
export function directiveSource(file: ParsedFile): DirectiveSource {
  return fileKind(file.kind).directives(file.source, file.doc);
}
