import { readTextIfRegular } from '../parse/read-file.js';
import path from 'node:path';
import type { ComposeDocument, ComposeParse, SyntaxProblem } from '../parse/compose/document.js';
import { parseDockerfile } from '../parse/dockerfile/document.js';
import type { DockerfileDocument } from '../parse/dockerfile/types.js';
import type { ShellParser } from '../parse/shell/index.js';
import type { ShellDialect, ShellDocument } from '../parse/shell/types.js';
import type { SourceFile } from '../core/source.js';
import { ComposeLoader } from './compose-loader.js';

export { ComposeLoader };

export type ParsedFile =
  | { kind: 'compose'; source: SourceFile; doc?: ComposeDocument; problems: SyntaxProblem[] }
  | { kind: 'dockerfile'; source: SourceFile; doc?: DockerfileDocument; problems: SyntaxProblem[] }
  | { kind: 'shell'; source: SourceFile; doc?: ShellDocument; problems: SyntaxProblem[] };

/** `RUN` in shell form somewhere (also `ONBUILD RUN`): only then is tree-sitter needed for a Dockerfile. */
const HAS_RUN = /^[ \t]*(?:ONBUILD[ \t]+)?RUN[ \t]/im;

let shellParserPromise: Promise<ShellParser> | undefined;

/** Loads tree-sitter once per process, and only when a file needs it. */
function shellParser(): Promise<ShellParser> {
  shellParserPromise ??= import('../parse/shell/index.js').then((m) => m.getShellParser());
  return shellParserPromise;
}

/**
 * Parses one file. Compose files go through `compose` (one loader per run, which
 * also reads what they pull in: `.env`, `env_file`s, `extends` and `include`
 * files, layered siblings); without one, a private loader reads the `.env`,
 * `.env.example` and `env_file`s.
 */
export async function parseSource(source: SourceFile, overlay?: ReadonlyMap<string, string>, compose?: ComposeLoader, options: ParseSourceOptions = {}): Promise<ParsedFile> {
  switch (source.kind) {
    case 'compose': {
      const parsed: ComposeParse = await (compose ?? new ComposeLoader({ cwd: path.dirname(source.path), ...(overlay ? { overlay } : {}) })).parseLinted(source);
      return parsed.ok
        ? { kind: 'compose', source, doc: parsed.doc, problems: [] }
        : { kind: 'compose', source, problems: parsed.problems };
    }
    case 'dockerfile': {
      if (source.text.trim() === '') {
        return { kind: 'dockerfile', source, problems: [{ message: 'the Dockerfile is empty (a build needs at least a FROM)', start: 0, end: 0 }] };
      }
      const shell = HAS_RUN.test(source.text) ? await shellParser() : undefined;
      const own = `${path.basename(source.path)}.dockerignore`;
      const ignoreName = (await readSibling(source.path, own, overlay, compose)) !== undefined ? own : '.dockerignore';
      const ignoreText = await readSibling(source.path, ignoreName, overlay, compose);
      const dockerignore = ignoreText === undefined ? undefined : { path: path.join(path.dirname(source.path), ignoreName), text: ignoreText };
      return { kind: 'dockerfile', source, doc: parseDockerfile(source, shell, dockerignore), problems: [] };
    }
    case 'shell': {
      const parser = await shellParser();
      // a shebang always decides; without one, the .shellcheckrc's shell= does, as in ShellCheck
      const dialect = options.defaultShellDialect && !source.text.startsWith('#!') ? { dialect: options.defaultShellDialect } : {};
      return { kind: 'shell', source, doc: parser.parse({ file: source, ...dialect }), problems: [] };
    }
  }
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
