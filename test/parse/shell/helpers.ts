import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { getShellParser } from '../../../src/parse/shell/index.js';
import type { ShCommand, ShellDialect, ShellDocument } from '../../../src/parse/shell/index.js';
import { createSourceFile, type SourceFile } from '../../../src/core/source.js';

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

/** Scripts (`*.sh`, `*.bash`, `entrypoint*`) and Dockerfiles under a folder, recursively; none when it cannot be read. */
export function shellAndDockerfiles(dir: string, out: string[] = []): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) shellAndDockerfiles(p, out);
    else if (/\.(?:sh|bash)$/.test(name) || name.startsWith('entrypoint') || /Dockerfile/.test(name)) out.push(p);
  }
  return out;
}
