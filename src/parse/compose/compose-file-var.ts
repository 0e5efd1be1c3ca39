/**
 * `COMPOSE_FILE` and `COMPOSE_PROFILES` as the `.env` of a folder sets them.
 *
 * `docker compose` run in a folder without `-f` reads that folder's `.env`
 * first, and when it sets `COMPOSE_FILE` loads those files, in that order,
 * instead of `compose.yaml` and its override (compose-go's `WithDotEnv` then
 * `WithConfigFileEnv`); `COMPOSE_PROFILES` names the profiles enabled when no
 * `--profile` is given. The process environment would win over the `.env`,
 * but lint never reads it, so the `.env` is what counts here.
 */
import path from 'node:path';
import type { Span } from '../../core/location.js';
import type { SourceFile } from '../../core/source.js';
import { envFileEntries } from './env-file.js';
import { interpolate, parseDotenv } from './interpolate.js';

/** One file `COMPOSE_FILE` names. */
export interface ComposeFileEntry {
  /** As written (after interpolation). */
  readonly text: string;
  /** Absolute: relative names resolve against the `.env`'s folder (where `docker compose` runs). */
  readonly path: string;
  /** Written as an absolute path: it may exist on the host that runs compose, not here. */
  readonly absolute: boolean;
  /** Where the name is written in the `.env`; the whole value when it went through interpolation. */
  readonly span: Span;
}

export interface ComposeFileVar {
  /** The `.env` that sets it (findings about its entries are reported there). */
  readonly source: SourceFile;
  /** The files, in `-f` order (empty pieces, as in `a.yaml::b.yaml`, left out). */
  readonly entries: readonly ComposeFileEntry[];
}

/**
 * `COMPOSE_FILE` of a `.env`, split on `COMPOSE_PATH_SEPARATOR` (default: the
 * platform's path-list separator, `:` on Linux and macOS, as compose does).
 * Undefined when the file does not set it, sets it empty, or sets it to
 * something lint cannot know (a variable the `.env` does not define, `~`).
 */
export function composeFileVar(source: SourceFile): ComposeFileVar | undefined {
  const entries = envFileEntries(source.text);
  const entry = entries.filter((e) => e.key === 'COMPOSE_FILE' && !e.bare).at(-1);
  if (!entry || entry.value === '') return undefined;
  const vars = parseDotenv(source.text);
  const raw = source.text.slice(entry.valueSpan.start, entry.valueSpan.end);
  let value = entry.value;
  // Single quotes keep `$` as it is; otherwise the `.env`'s own variables fill it in.
  const expanded = !raw.startsWith("'") && value.includes('$');
  if (expanded) {
    const r = interpolate(value, vars);
    if (r.unset.length || r.errors.length || r.required.length) return undefined;
    value = r.value;
  }
  const names = splitComposeFile(value, vars);
  if (!names?.length) return undefined;
  // Spans of the names: exact when the value is written as it reads, else the whole value.
  const written = raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
  const exact = !expanded && written === entry.value;
  const offset = entry.valueSpan.start + (written === raw ? 0 : 1);
  const dir = path.dirname(source.path);
  const out = names.map(({ name: text, at }): ComposeFileEntry => ({
    text,
    path: path.resolve(dir, text),
    absolute: path.isAbsolute(text),
    span: exact ? { start: offset + at, end: offset + at + text.length } : entry.valueSpan,
  }));
  return { source, entries: out };
}

/**
 * The files `COMPOSE_FILE` names, from a folder's `.env` variables (already
 * interpolated), resolved against that folder; undefined when it is unset or
 * names a file lint cannot place (`~`).
 */
export function composeFilePaths(env: ReadonlyMap<string, string>, dir: string): string[] | undefined {
  const value = env.get('COMPOSE_FILE');
  const names = value ? splitComposeFile(value, env) : undefined;
  return names?.length ? names.map((n) => path.resolve(dir, n.name)) : undefined;
}

/**
 * The names in a `COMPOSE_FILE` value, split on `COMPOSE_PATH_SEPARATOR` from
 * `vars` (default: the platform's path-list separator, as compose does), each
 * with where it starts in the value; empty pieces (`a.yaml::b.yaml`) left out.
 * Undefined when a name is one lint cannot place (`~`).
 */
function splitComposeFile(value: string, vars: ReadonlyMap<string, string>): { name: string; at: number }[] | undefined {
  const separator = vars.get('COMPOSE_PATH_SEPARATOR') || path.delimiter;
  const out: { name: string; at: number }[] = [];
  let at = 0;
  for (const name of value.split(separator)) {
    const start = at;
    at += name.length + separator.length;
    if (name === '') continue;
    if (name.startsWith('~')) return undefined;
    out.push({ name, at: start });
  }
  return out;
}

/**
 * The profiles `COMPOSE_PROFILES` enables (comma-separated, trimmed; `*`
 * enables every profile), from a `.env`'s variables.
 */
export function profilesFrom(env: ReadonlyMap<string, string>): string[] {
  const value = env.get('COMPOSE_PROFILES');
  if (!value) return [];
  return value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
