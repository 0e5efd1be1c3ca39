/**
 * What the stack model needs from the file system beyond the files the run
 * parsed: whether a build context, a Dockerfile or a compose file named by a
 * script exists, the `.dockerignore` of a build context, and Dockerfiles that
 * builds name but discovery did not find.
 *
 * Two sources:
 * - `loadStack` (the parse stage): asks the model which paths
 *   it will look at, reads them once (honouring the overlay of standard input
 *   and tests), and hands the answers to the model;
 * - `diskResources` (the fallback when the engine gives none): reads lazily and
 *   synchronously, once per path, and answers "unknown" when the run's own
 *   files are not on disk (standard input, the RuleTester's virtual files).
 *
 * Rules never call either: they ask the model (`ctx.stack`).
 */
import { statSync } from 'node:fs';
import { readTextIfRegular } from '../parse/read-file.js';
import type { ProjectRoot } from '../core/project-root.js';
import path from 'node:path';
import { parseDockerfile } from '../parse/dockerfile/document.js';
import type { DockerfileDocument } from '../parse/dockerfile/types.js';
import { getShellParser, getShellParserSync } from '../parse/shell/tree-sitter.js';
import type { ShellParser } from '../parse/shell/types.js';
import { createSourceFile } from '../core/source.js';

export type PathState = 'file' | 'dir' | 'missing';

export interface StackResources {
  /** What is at an absolute path; undefined when unknown (not looked at, or the run is not on disk). */
  stat(abs: string): PathState | undefined;
  /** The text of a small file (a `.dockerignore`); undefined when it is missing or unknown. */
  text(abs: string): string | undefined;
  /** A Dockerfile outside the run's files, parsed for context; undefined when missing or unknown. */
  dockerfile(abs: string): DockerfileDocument | undefined;
  /** The paths read ahead of time (`readResources`), for a cache key: a change to one of them changes the findings. */
  readonly consulted?: readonly string[];
}

/** Texts larger than this are not read for context. */
const MAX_TEXT = 1024 * 1024;
/** `RUN` in shell form: only then does a Dockerfile need the shell parser. */
const HAS_RUN = /^[ \t]*(?:ONBUILD[ \t]+)?RUN[ \t]/im;

/** Answers nothing: the model then knows only the run's own files. */
export const NO_RESOURCES: StackResources = { stat: () => undefined, text: () => undefined, dockerfile: () => undefined };

/**
 * A recorder: notes every question and answers from `answers` (nothing, in the
 * first pass of `loadStack`; what was read so far, in later passes,
 * so that questions which only come up once an answer is known are noted too).
 */
export function recordingResources(answers: StackResources = NO_RESOURCES): StackResources & { readonly asked: { stat: Set<string>; text: Set<string>; dockerfile: Set<string> } } {
  const asked = { stat: new Set<string>(), text: new Set<string>(), dockerfile: new Set<string>() };
  return {
    asked,
    stat: (p) => (asked.stat.add(p), answers.stat(p)),
    text: (p) => (asked.text.add(p), answers.text(p)),
    dockerfile: (p) => (asked.dockerfile.add(p), answers.dockerfile(p)),
  };
}

function relPathOf(cwd: string, abs: string): string {
  return (path.relative(cwd, abs) || path.basename(abs)).split(path.sep).join('/');
}

function parseContextDockerfile(abs: string, text: string, cwd: string, shell: ShellParser | undefined): DockerfileDocument | undefined {
  if (text.trim() === '') return undefined;
  const source = createSourceFile({ path: abs, relPath: relPathOf(cwd, abs), kind: 'dockerfile', text });
  return parseDockerfile(source, HAS_RUN.test(source.text) ? shell : undefined);
}

/**
 * Reads what the model asks for, lazily and once per path. `anchor` is a file
 * of the run: when it is not on disk the run is virtual and every answer is unknown.
 */
export function diskResources(options: { cwd: string; anchor?: string; root?: ProjectRoot }): StackResources {
  let onDisk: boolean | undefined;
  const real = (): boolean => {
    if (onDisk === undefined) {
      try {
        onDisk = options.anchor === undefined || statSync(options.anchor).isFile();
      } catch {
        onDisk = false;
      }
    }
    return onDisk;
  };
  const stats = new Map<string, PathState>();
  const texts = new Map<string, string | undefined>();
  const docs = new Map<string, DockerfileDocument | undefined>();
  const stat = (abs: string): PathState | undefined => {
    if (!real() || (options.root && !options.root.contains(abs))) return undefined;
    let hit = stats.get(abs);
    if (!hit) {
      try {
        const s = statSync(abs);
        hit = s.isDirectory() ? 'dir' : 'file';
      } catch {
        hit = 'missing';
      }
      stats.set(abs, hit);
    }
    return hit;
  };
  const text = (abs: string): string | undefined => {
    if (!real() || (options.root && !options.root.contains(abs))) return undefined;
    if (!texts.has(abs)) {
      texts.set(abs, readTextIfRegular(abs, MAX_TEXT));
    }
    return texts.get(abs);
  };
  return {
    stat,
    text,
    dockerfile: (abs) => {
      if (!docs.has(abs)) {
        const t = stat(abs) === 'file' ? text(abs) : undefined;
        docs.set(abs, t === undefined ? undefined : parseContextDockerfile(abs, t, options.cwd, getShellParserSync()));
      }
      return docs.get(abs);
    },
  };
}

/** Answers read ahead of time (what `loadStack` reads). */
export function givenResources(answers: {
  stats: ReadonlyMap<string, PathState>;
  texts: ReadonlyMap<string, string>;
  dockerfiles: ReadonlyMap<string, DockerfileDocument>;
}): StackResources {
  return {
    consulted: [...new Set([...answers.stats.keys(), ...answers.texts.keys()])].sort(),
    stat: (p) => answers.stats.get(p),
    text: (p) => answers.texts.get(p),
    dockerfile: (p) => answers.dockerfiles.get(p),
  };
}

/** A small file's text, the overlay's when it has one; undefined when missing, unreadable or too big. */
export function readText(abs: string, overlay?: ReadonlyMap<string, string>): string | undefined {
  const given = overlay?.get(abs);
  if (given !== undefined) return given;
  // Opened without blocking and only when regular: a FIFO must not stop the run.
  return readTextIfRegular(abs, MAX_TEXT);
}

export interface LoadOptions {
  cwd: string;
  /** Texts standing in for files (standard input, tests), by absolute path. */
  overlay?: ReadonlyMap<string, string>;
  /** Paths outside it are never looked at: their answers stay unknown. */
  root?: ProjectRoot;
}

/**
 * The parse stage's part: reads every path in `asked` (from a recording
 * pass of the model), honouring the overlay, and parses the Dockerfiles asked for.
 */
export async function readResources(
  asked: { stat: ReadonlySet<string>; text: ReadonlySet<string>; dockerfile: ReadonlySet<string> },
  options: LoadOptions,
): Promise<StackResources> {
  const overlay = options.overlay;
  const overlayDirs = new Set<string>();
  for (const p of overlay?.keys() ?? []) for (let d = path.dirname(p); ; d = path.dirname(d)) {
    if (overlayDirs.has(d)) break;
    overlayDirs.add(d);
    if (path.dirname(d) === d) break;
  }
  const stats = new Map<string, PathState>();
  const texts = new Map<string, string>();
  const dockerfiles = new Map<string, DockerfileDocument>();
  // Synchronous, like every read of a stack (see parse/sources.ts): these are a few small local files.
  const outside = (abs: string): boolean => options.root !== undefined && !overlay?.has(abs) && !options.root.contains(abs);
  const statOne = (abs: string): PathState => {
    if (overlay?.has(abs)) return 'file';
    if (overlayDirs.has(abs)) return 'dir';
    try {
      return statSync(abs).isDirectory() ? 'dir' : 'file';
    } catch {
      return 'missing';
    }
  };
  const readOne = (abs: string): string | undefined => readText(abs, overlay);
  for (const p of new Set([...asked.stat, ...asked.dockerfile])) if (!outside(p)) stats.set(p, statOne(p));
  for (const p of new Set([...asked.text, ...asked.dockerfile])) {
    if (outside(p)) continue;
    const t = readOne(p);
    if (t !== undefined) texts.set(p, t);
  }
  const toParse = [...asked.dockerfile].filter((p) => texts.has(p));
  const shell = toParse.some((p) => HAS_RUN.test(texts.get(p)!)) ? await getShellParser() : undefined;
  for (const p of toParse) {
    const doc = parseContextDockerfile(p, texts.get(p)!, options.cwd, shell);
    if (doc) dockerfiles.set(p, doc);
  }
  return givenResources({ stats, texts, dockerfiles });
}
