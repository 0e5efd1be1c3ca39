import { getShellParser } from '../../../src/parse/shell/index.js';
import type { ShCommand, ShellDialect, ShellDocument } from '../../../src/parse/shell/index.js';
import { createSourceFile, type SourceFile } from '../../../src/parse/source.js';

export function shellFile(text: string, path = '/repo/script.sh'): SourceFile {
  return createSourceFile({ path, relPath: path.replace(/^\/repo\//, ''), kind: 'shell', text });
}

export async function parse(
  text: string,
  options: { path?: string; dialect?: ShellDialect } = {},
): Promise<ShellDocument> {
  const parser = await getShellParser();
  return parser.parse({ file: shellFile(text, options.path), dialect: options.dialect });
}

/** The command whose name is `name` (the n-th one when there are several). */
export function cmd(doc: ShellDocument | readonly ShCommand[], name: string, n = 0): ShCommand {
  const list = Array.isArray(doc) ? doc : (doc as ShellDocument).commands;
  const found = list.filter((c: ShCommand) => c.name === name)[n];
  if (!found) throw new Error(`no command ${name} #${n}`);
  return found;
}

export const names = (cmds: readonly ShCommand[]): (string | undefined)[] => cmds.map((c) => c.name);
export const values = (c: ShCommand): (string | undefined)[] => c.args.map((a) => a.value);
