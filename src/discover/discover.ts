import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import type { FileKind } from '../core/source.js';
import { kindFromName, kindFromShebang, mayHaveShebang } from './classify.js';
import { isTempName } from '../core/temp-files.js';
import { UsageError } from '../core/errors.js';

export interface DiscoveredFile {
  path: string;
  kind: FileKind;
  /** Named on the command line (rather than found inside a folder). */
  explicit: boolean;
}

export interface DiscoverOptions {
  cwd: string;
  patterns: string[];
  /** Globs (relative to cwd, from `--ignore-pattern`) never linted, besides node_modules and .git. */
  ignore: string[];
  /** Ignores from config, which may differ per folder. */
  isIgnored?: (absPath: string) => Promise<boolean> | boolean;
  /** Extra kind mapping from config (`kinds:`). */
  kindOf?: (absPath: string) => Promise<FileKind | undefined> | FileKind | undefined;
  /** Apply ignores to explicitly named files too (`--force-exclude`). */
  forceExclude?: boolean;
  errorOnUnmatched?: boolean;
  /** Called with each temporary file of an atomic write met in a walked folder (see core/temp-files.ts). */
  onTempFile?: (absPath: string) => void;
}


const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * Turns CLI paths and globs into classified files. Folders and globs are
 * walked synchronously (local folders: each asynchronous readdir is a
 * thread-pool round trip, and a 1,000-folder walk left the main thread idle
 * 65 ms), without following symlinks, and symlinks met on the way are not
 * linted (their targets are, when they lie inside): nothing outside the
 * folder is ever read. A file named on the command line is linted as named.
 */
export async function discover(options: DiscoverOptions): Promise<DiscoveredFile[]> {
  const found = new Map<string, DiscoveredFile>();
  const cliIgnored = options.ignore.length ? await ignoreMatcher(options.ignore, options.cwd) : () => false;
  const isIgnored = async (abs: string) => cliIgnored(abs) || (await options.isIgnored?.(abs)) === true;

  const add = async (abs: string, explicit: boolean): Promise<void> => {
    if (found.has(abs)) return;
    if (!explicit || options.forceExclude) {
      if (await isIgnored(abs)) return;
    }
    const base = path.basename(abs);
    if (!explicit && options.onTempFile && isTempName(base)) options.onTempFile(abs);
    let kind = (await options.kindOf?.(abs)) ?? kindFromName(base);
    if (!kind && mayHaveShebang(base)) kind = kindFromShebang(firstLine(abs));
    if (!kind) return;
    found.set(abs, { path: abs, kind, explicit });
  };

  for (const pattern of options.patterns) {
    const abs = path.resolve(options.cwd, pattern);
    const stat = statOrUndefined(abs);
    if (stat?.isFile()) {
      await add(abs, true);
      continue;
    }
    if (stat && !stat.isDirectory()) {
      // A FIFO, socket or device: linted by name only (reading a shebang could block), and reading it reports what it is.
      const kind = (await options.kindOf?.(abs)) ?? kindFromName(path.basename(abs));
      if (kind && !found.has(abs)) found.set(abs, { path: abs, kind, explicit: true });
      continue;
    }
    if (stat?.isDirectory()) {
      const entries = fg.sync('**/*', {
        cwd: abs,
        absolute: true,
        dot: true,
        onlyFiles: true,
        followSymbolicLinks: false,
        ignore: ALWAYS_IGNORED,
        suppressErrors: true,
      });
      entries.sort();
      for (const e of entries) await add(path.normalize(e), false);
      continue;
    }
    if (fg.isDynamicPattern(pattern)) {
      const entries = fg.sync(pattern, {
        cwd: options.cwd,
        absolute: true,
        dot: true,
        onlyFiles: true,
        followSymbolicLinks: false,
        ignore: ALWAYS_IGNORED,
        suppressErrors: true,
      });
      if (!entries.length && options.errorOnUnmatched !== false) throw new UsageError(`no files match the pattern "${pattern}"`);
      entries.sort();
      for (const e of entries) await add(path.normalize(e), false);
      continue;
    }
    if (options.errorOnUnmatched !== false) throw new UsageError(`no such file or folder: ${pattern}`);
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function statOrUndefined(abs: string): Stats | undefined {
  try {
    return statSync(abs);
  } catch {
    return undefined;
  }
}

function firstLine(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(128);
    const bytesRead = readSync(fd, buf, 0, 128, 0);
    return buf.subarray(0, bytesRead).toString('utf8').split('\n')[0]!;
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function ignoreMatcher(globs: string[], cwd: string): Promise<(abs: string) => boolean> {
  const { default: picomatch } = await import('picomatch');
  const matchers = globs.map((g) => picomatch(expandBare(g), { dot: true }));
  return (abs) => {
    const rel = toPosix(path.relative(cwd, abs));
    return matchers.some((m) => m(rel));
  };
}

/** A pattern with no `/` matches at any depth, as in .gitignore. */
function expandBare(glob: string): string {
  const g = glob.replace(/^\.\//, '');
  return g.includes('/') ? g : `**/${g}`;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
