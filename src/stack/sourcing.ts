/**
 * Whether a script is a library meant to be sourced (`. ./lib.sh`) rather
 * than run: such a file needs no shebang and inherits the caller's `set -e`.
 */
import { basename } from 'node:path';
import type { StackModel } from './model.js';
import type { ShellDocument } from '../parse/shell/types.js';

/** The file name at the end of a `source`/`.` argument: `lib.sh` for `"$(dirname "$0")/lib.sh"`. */
export function sourcedName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  return /([^/"'\s}]+)["']?$/.exec(raw)?.[1];
}

/** Per run: file name → the scripts that source a file of that name. */
const SOURCED = new WeakMap<StackModel, Map<string, Set<ShellDocument>>>();

/** Another script of the run sources this one (matched by file name). */
export function isSourcedByOther(doc: ShellDocument, stack: StackModel): boolean {
  let sourced = SOURCED.get(stack);
  if (!sourced) {
    sourced = new Map();
    for (const script of stack.scripts) {
      for (const c of script.commands) {
        if (c.name !== 'source' && c.name !== '.') continue;
        const name = sourcedName(c.args[0]?.raw);
        if (name) sourced.set(name, (sourced.get(name) ?? new Set()).add(script));
      }
    }
    SOURCED.set(stack, sourced);
  }
  const by = sourced.get(basename(doc.file.path));
  return by !== undefined && [...by].some((s) => s !== doc);
}

/** A `# shellcheck shell=…` directive before the first command: the way to declare the dialect of a sourced file. */
export function declaresDialect(doc: ShellDocument): boolean {
  const first = doc.commands[0]?.start ?? Infinity;
  return doc.comments.some((c) => c.start < first && /^#\s*shellcheck\s+shell=/.test(c.text));
}
