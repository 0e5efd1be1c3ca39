/**
 * Whether a script is a library meant to be sourced (`. ./lib.sh`) rather
 * than run: such a file needs no shebang and inherits the caller's `set -e`.
 *
 * A `source`/`.` argument is looked up as ShellCheck looks it up:
 * - a `# shellcheck source=<path>` comment on the line above names the file
 *   instead (`source=/dev/null`: not followed);
 * - one leading dynamic part followed by `/` is dropped (`"$DIR/lib.sh"`,
 *   `"$(dirname "$0")/lib.sh"` are `lib.sh`);
 * - the path is tried in each `source-path=` folder of the `.shellcheckrc`
 *   that applies to the sourcing script, the last written first (`SCRIPTDIR`
 *   is the script's folder, `SCRIPTDIR/../lib` a folder relative to it,
 *   other relative folders are relative to where the run started, and an
 *   absolute path is rooted in each folder), then where the run started;
 * - then in the sourcing script's folder (where `"$(dirname "$0")/lib.sh"` points).
 * The first candidate that is a script of the run is the sourced file. When
 * none is, a script with the argument's file name is taken to be it, so that
 * a library whose path is only known at run time is not mistaken for a program.
 */
import path from 'node:path';
import type { StackModel } from './model.js';
import type { ShCommand, ShellDocument } from '../parse/shell/types.js';

/** The file name at the end of a `source`/`.` argument: `lib.sh` for `"$(dirname "$0")/lib.sh"`. */
export function sourcedName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  return /([^/"'\s}]+)["']?$/.exec(raw)?.[1];
}

/** The end of a leading `$name`, `${…}` or `$(…)` (quotes inside skipped), or -1. */
function dynamicEnd(text: string): number {
  if (text[0] !== '$') return -1;
  const name = /^\$[A-Za-z_][A-Za-z0-9_]*/.exec(text);
  if (name) return name[0].length;
  const open = text[1];
  const close = open === '{' ? '}' : open === '(' ? ')' : undefined;
  if (!close) return -1;
  let depth = 0;
  let quote: string | undefined;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\') i++;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === open) depth++;
    else if (ch === close && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * The path a `source` argument names once one leading dynamic part is
 * dropped, without quotes; undefined when what is left is still dynamic.
 */
export function staticSourcePath(raw: string): string | undefined {
  let text = raw.trim();
  let leadingQuote = '';
  if (text[0] === '"') {
    leadingQuote = '"';
    text = text.slice(1);
  }
  const end = dynamicEnd(text);
  if (end > 0) {
    let rest = text.slice(end);
    if (rest.startsWith('"')) rest = rest.slice(1); // "$DIR"/lib.sh
    if (!rest.startsWith('/')) return undefined;
    text = rest.slice(1);
  } else text = leadingQuote + text;
  const unquoted = text.replace(/["']/g, '');
  if (!unquoted || /[$`*?[\]~]/.test(unquoted)) return undefined;
  return unquoted;
}

/** Where ShellCheck would look for the file a `source` argument names (absolute paths, first match wins). */
export function sourceCandidates(file: string, script: string, cwd: string, sourcePath: readonly string[]): string[] {
  const scriptDir = path.dirname(script);
  // a `# shellcheck source=SCRIPTDIR/…` directive names the file relative to the script
  if (file === 'SCRIPTDIR' || file.startsWith('SCRIPTDIR/')) return [path.join(scriptDir, file.slice('SCRIPTDIR'.length))];
  const out: string[] = [];
  for (const entry of [...sourcePath].reverse()) {
    const dir = entry === 'SCRIPTDIR' || entry.startsWith('SCRIPTDIR/') ? path.join(scriptDir, entry.slice('SCRIPTDIR'.length)) : path.resolve(cwd, entry);
    out.push(path.join(dir, file)); // an absolute `file` is rooted in the folder
  }
  out.push(path.resolve(cwd, file));
  if (!path.isAbsolute(file)) out.push(path.resolve(scriptDir, file));
  return [...new Set(out)];
}

/** A `# shellcheck source=…` directive on the line above the command. */
function sourceDirective(script: ShellDocument, cmd: ShCommand): string | undefined {
  const line = script.file.lines.position(cmd.start).line;
  for (const c of script.comments) {
    if (c.start >= cmd.start || script.file.lines.position(c.start).line !== line - 1) continue;
    const m = /^#\s*shellcheck\s+(?:[\w-]+=\S+\s+)*source=(\S+)/.exec(c.text);
    if (m) return m[1];
  }
  return undefined;
}

/** What a `source`/`.` command reads, as far as the run shows it. */
export type SourceTarget =
  /** A script of the run, found where ShellCheck would look. */
  | { readonly kind: 'script'; readonly script: ShellDocument }
  /** A constant path that is no script of the run (`/etc/os-release`, a file the run does not lint). */
  | { readonly kind: 'missing'; readonly path: string }
  /** A path known only at run time (`source "$config"`). */
  | { readonly kind: 'dynamic' }
  /** `# shellcheck source=/dev/null`: not to be followed. */
  | { readonly kind: 'ignored' };

/** Where a `source`/`.` command of `script` leads (a `RUN` body or compose string reads the image's files: never a script of the run). */
export function sourceTarget(stack: StackModel, script: ShellDocument, cmd: ShCommand): SourceTarget {
  const directive = sourceDirective(script, cmd);
  if (directive === '/dev/null') return { kind: 'ignored' };
  const raw = cmd.args[0]?.raw;
  const file = directive ?? (raw === undefined ? undefined : staticSourcePath(raw));
  if (file === undefined) return { kind: 'dynamic' };
  if (script.file.kind !== 'shell') return { kind: 'missing', path: file };
  const candidates = sourceCandidates(file, script.file.path, stack.cwd ?? path.dirname(script.file.path), stack.sourcePathOf?.(script.file.path) ?? []);
  const byPath = scriptsByPath(stack);
  const found = candidates.map((p) => byPath.get(p)).find((s) => s !== undefined);
  return found ? { kind: 'script', script: found } : { kind: 'missing', path: file };
}

/** The run's scripts by path, once per stack: every `source` of every script looks its target up here. */
const SCRIPTS_BY_PATH = new WeakMap<StackModel, ReadonlyMap<string, ShellDocument>>();

function scriptsByPath(stack: StackModel): ReadonlyMap<string, ShellDocument> {
  let byPath = SCRIPTS_BY_PATH.get(stack);
  if (byPath) return byPath;
  const index = new Map<string, ShellDocument>();
  for (const s of stack.scripts) if (!index.has(s.file.path)) index.set(s.file.path, s); // the first of a path, as a search would find
  SCRIPTS_BY_PATH.set(stack, index);
  return index;
}

interface Sourced {
  /** Scripts of the run found by path, with the scripts that source them. */
  byPath: Map<string, Set<ShellDocument>>;
  /** File name → the scripts that source a file of that name not found by path. */
  byName: Map<string, Set<ShellDocument>>;
}

/** Per run: what the scripts source. */
const SOURCED = new WeakMap<StackModel, Sourced>();

function sourcedIn(stack: StackModel): Sourced {
  let sourced = SOURCED.get(stack);
  if (sourced) return sourced;
  sourced = { byPath: new Map(), byName: new Map() };
  const add = (map: Map<string, Set<ShellDocument>>, key: string, by: ShellDocument) => map.set(key, (map.get(key) ?? new Set()).add(by));
  for (const script of stack.scripts) {
    for (const c of script.commands) {
      if (c.name !== 'source' && c.name !== '.') continue;
      const target = sourceTarget(stack, script, c);
      if (target.kind === 'ignored') continue;
      if (target.kind === 'script') add(sourced.byPath, target.script.file.path, script);
      else {
        const name = sourcedName(sourceDirective(script, c) ?? c.args[0]?.raw);
        if (name) add(sourced.byName, name, script);
      }
    }
  }
  SOURCED.set(stack, sourced);
  return sourced;
}

/** Another script of the run sources this one: found by path as ShellCheck finds it, else by file name. */
export function isSourcedByOther(doc: ShellDocument, stack: StackModel): boolean {
  const { byPath, byName } = sourcedIn(stack);
  const other = (by: Set<ShellDocument> | undefined) => by !== undefined && [...by].some((s) => s !== doc);
  return other(byPath.get(doc.file.path)) || other(byName.get(path.basename(doc.file.path)));
}

/** A `# shellcheck shell=…` directive before the first command: the way to declare the dialect of a sourced file. */
export function declaresDialect(doc: ShellDocument): boolean {
  const first = doc.commands[0]?.start ?? Infinity;
  return doc.comments.some((c) => c.start < first && /^#\s*shellcheck\s+shell=/.test(c.text));
}

/** The other scripts of the run that source this one (by path, else by file name). */
export function sourcersOf(doc: ShellDocument, stack: StackModel): ShellDocument[] {
  const { byPath, byName } = sourcedIn(stack);
  return [...new Set([...(byPath.get(doc.file.path) ?? []), ...(byName.get(path.basename(doc.file.path)) ?? [])])].filter((s) => s !== doc);
}
