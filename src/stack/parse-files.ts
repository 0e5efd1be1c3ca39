import { readTextIfRegular } from '../parse/read-file.js';
import path from 'node:path';
import { fileKind, type ParsedFile, type ParseIO } from '../kinds/index.js';
import type { ShellParser } from '../parse/shell/index.js';
import type { ShellDialect, ShellDocument } from '../parse/shell/types.js';
import type { SourceFile } from '../core/source.js';
import { ComposeLoader } from './compose-loader.js';

export { ComposeLoader };

export type { ParsedFile };

let shellParserPromise: Promise<ShellParser> | undefined;

/** Loads tree-sitter once per process, and only when a file needs it. */
function shellParser(): Promise<ShellParser> {
  shellParserPromise ??= import('../parse/shell/index.js').then((m) => m.getShellParser());
  return shellParserPromise;
}

/**
 * Parses one file with its kind's parser (src/kinds/). Compose files go through
 * `compose` (one loader per run, which also reads what they pull in: `.env`,
 * `env_file`s, `extends` and `include` files, layered siblings); without one, a
 * private loader reads the `.env`, `.env.example` and `env_file`s.
 */
export async function parseSource(source: SourceFile, overlay?: ReadonlyMap<string, string>, compose?: ComposeLoader, options: ParseSourceOptions = {}): Promise<ParsedFile> {
  const io: ParseIO = {
    compose: (s) => (compose ?? new ComposeLoader({ cwd: path.dirname(s.path), ...(overlay ? { overlay } : {}) })).parseLinted(s),
    readSibling: (name) => readSibling(source.path, name, overlay, compose),
    shellParser,
    ...(options.defaultShellDialect ? { defaultShellDialect: options.defaultShellDialect } : {}),
  };
  const parsed = await fileKind(source.kind).parse(source, io);
  return { kind: source.kind, source, ...(parsed.doc ? { doc: parsed.doc } : {}), problems: parsed.problems } as ParsedFile;
}

export interface ParseSourceOptions {
  /** The dialect of a script without a shebang (a `.shellcheckrc`'s `shell=`); by default its file name decides. */
  defaultShellDialect?: ShellDialect;
}

/** ShellCheck's `shell=` value as a dialect; undefined for a value ShellCheck does not know. */
export function dialectFromShellcheckName(name: string | undefined): ShellDialect | undefined {
  return name === 'sh' || name === 'bash' || name === 'dash' || name === 'ksh' || name === 'busybox' ? name : undefined;
}

/** The syntax error of a script, confirmed by a second parser (tree-sitter alone has false alarms). */
export async function confirmShellSyntaxError(doc: ShellDocument): Promise<{ message: string; offset: number } | undefined> {
  if (!doc.hasErrors) return undefined;
  const { checkShellSyntax } = await import('../parse/shell/syntax.js');
  const err = await checkShellSyntax(doc.text, doc.dialect);
  return err && { message: err.message, offset: err.offset + doc.baseOffset };
}

async function readSibling(file: string, name: string, overlay?: ReadonlyMap<string, string>, dirs?: ComposeLoader): Promise<string | undefined> {
  const sibling = path.join(path.dirname(file), name);
  const given = overlay?.get(sibling);
  if (given !== undefined) return given;
  // the run's folder listings say when there is nothing to open (a failed open costs more than a lookup)
  if (dirs && (!dirs.mayRead(sibling) || (await dirs.has(path.dirname(file), name)) === false)) return undefined;
  return readTextIfRegular(sibling);
}
