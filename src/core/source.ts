import { LineIndex, type Range, type Span } from './location.js';

/** The kinds of linted file: each is a plug-in folder under src/kinds/, registered in src/kinds/index.ts. */
export type FileKind = 'compose' | 'dockerfile' | 'shell';

/** A file as every stage after `discover` sees it: its text, kind and line index. */
export interface SourceFile {
  /** Absolute path (or the `--stdin-filename` for standard input). */
  readonly path: string;
  /** Path relative to the working directory, with `/` separators; used in reports. */
  readonly relPath: string;
  readonly kind: FileKind;
  /** Text without a leading BOM. */
  readonly text: string;
  readonly hasBom: boolean;
  readonly lines: LineIndex;
}

export function createSourceFile(args: {
  path: string;
  relPath: string;
  kind: FileKind;
  text: string;
}): SourceFile {
  const hasBom = args.text.charCodeAt(0) === 0xfeff;
  const text = hasBom ? args.text.slice(1) : args.text;
  return { path: args.path, relPath: args.relPath, kind: args.kind, text, hasBom, lines: new LineIndex(text) };
}

export function rangeOf(file: SourceFile, span: Span): Range {
  return file.lines.range(span);
}
