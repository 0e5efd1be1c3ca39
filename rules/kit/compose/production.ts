/**
 * Which compose environments run in production, and which are for
 * development, tests, CI or devcontainers.
 *
 * Production: an environment named `prod` or `production` (`compose.prod.yaml`
 * on its base, or a declared project's `environment:`), one whose last file is
 * named like a production file
 * (`settings.productionFiles`, `*prod*` by default), and — when no environment
 * of a layered project is production — the base file on its own (the
 * `compose.yaml` / `docker-compose.yml` that overrides such as
 * `docker-compose.dev.yml` or `compose.override.yaml` sit beside), which is
 * what `docker compose -f compose.yaml up` runs in production (seed 003).
 *
 * Not production: an environment with a file that its path shows is for
 * development, tests or CI (`settings.nonProductionFiles`: `compose.dev.yaml`,
 * `*.test.*`, `ci/`, `tests/`, `.devcontainer/`…), or whose leading comment
 * says so ("This configuration file is for the development setup", "not to be
 * used for deployments"). A file `settings.productionFiles` names is
 * production whatever its path or comment.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { SourceFile } from '../../../src/core/source.js';
import type { ComposeDocument } from '../../../src/parse/compose/document.js';
import type { ComposeProject } from '../../../src/parse/compose/project.js';
import { layeredBaseIsProduction, nonProductionFiles, productionFiles } from './settings.js';

type Settings = Readonly<Record<string, unknown>>;

const PRODUCTION_ENVIRONMENTS = new Set(['prod', 'production']);

/** Compiled globs, by glob: `picomatch.isMatch` compiles its glob anew on every call, and this runs for every environment of every file. */
const matchers = new Map<string, (p: string) => boolean>();

function globMatcher(glob: string): (p: string) => boolean {
  let m = matchers.get(glob);
  if (!m) matchers.set(glob, (m = picomatch(glob, { dot: true, nocase: true })));
  return m;
}

/** The file's name matches one of `globs`: a glob without `/` matches the base name, one with `/` the relative path. */
function matchesFile(file: SourceFile, globs: readonly string[]): boolean {
  const base = path.basename(file.path);
  // A run started above the project (`../app`) matches below the `..`s.
  const rel = file.relPath.replace(/\\/g, '/').replace(/^(?:\.\.\/)+/, '');
  return globs.some((glob) => globMatcher(glob)(glob.includes('/') ? rel : base));
}

/** The file's name matches `settings.productionFiles`. */
export function isProductionFile(file: SourceFile, settings: Settings): boolean {
  return matchesFile(file, productionFiles(settings));
}

/** What a file's leading comment says when it is not meant for production. */
const SAYS_NOT_PRODUCTION = [
  // "This configuration file is for the **development** setup."
  /\bthis\s+(?:[\w-]+\s+){0,3}is\s+(?:only\s+)?(?:meant\s+|intended\s+|used\s+)?(?:only\s+)?for\s+(?:the\s+|a\s+)?[*_]{0,2}(?:local\s+)?(?:development|dev|testing|tests?|ci)\b/i,
  // "THIS IS NOT TO BE USED FOR PERSONAL DEPLOYMENTS!", "not for production use", "do not use in production"
  /\bnot\s+(?:to\s+be\s+)?(?:used\s+)?(?:for|in)\s+(?:[\w-]+\s+)?(?:production|deployments?)\b/i,
  /\bdo\s+not\s+use\s+(?:this\s+)?(?:[\w-]+\s+)?(?:for|in)\s+production\b/i,
];

/** The comment lines a file starts with (blank lines between them included), as one text. */
function leadingComment(file: SourceFile): string {
  const lines: string[] = [];
  for (const line of file.text.slice(0, 8192).split('\n', 40)) {
    const t = line.trim();
    if (t.startsWith('#')) lines.push(t.replace(/^#+\s?/, ''));
    else if (t !== '' && t !== '---') break;
  }
  return lines.join(' ');
}

/**
 * The file is for development, tests, CI or a devcontainer: its path matches
 * `settings.nonProductionFiles`, or its leading comment says it is not for
 * production. Never a file `settings.productionFiles` names.
 */
export function isNonProductionFile(file: SourceFile, settings: Settings): boolean {
  // Asked for every service and environment of a file by several rules: decided once per file and settings.
  let bySettings = nonProduction.get(file);
  if (!bySettings) nonProduction.set(file, (bySettings = new WeakMap()));
  let verdict = bySettings.get(settings);
  if (verdict === undefined) bySettings.set(settings, (verdict = decideNonProduction(file, settings)));
  return verdict;
}

const nonProduction = new WeakMap<SourceFile, WeakMap<Settings, boolean>>();

function decideNonProduction(file: SourceFile, settings: Settings): boolean {
  if (isProductionFile(file, settings)) return false;
  if (matchesFile(file, nonProductionFiles(settings))) return true;
  const comment = leadingComment(file);
  return comment !== '' && SAYS_NOT_PRODUCTION.some((re) => re.test(comment));
}

/**
 * Whether the environment may run in production, for the rules about running
 * there (resource limits, log rotation, restart policies, healthchecks…): not
 * when one of its files is for development, tests or CI (`isNonProductionFile`:
 * `compose.dev.yaml` on its base, `tests/docker-compose.yml` on its own),
 * unless the environment is production by name or by its last file.
 */
export function mayRunInProduction(env: ComposeProject, settings: Settings): boolean {
  return isProductionEnvironment(env, settings) || !env.files.some((f) => isNonProductionFile(f.file, settings));
}

/** The environment runs in production: by its name, or by the name of the file it adds. */
export function isProductionEnvironment(env: ComposeProject, settings: Settings): boolean {
  return PRODUCTION_ENVIRONMENTS.has(env.environment.toLowerCase()) || isProductionFile(env.file, settings);
}

export type Production =
  | { readonly kind: 'environments'; readonly environments: readonly ComposeProject[] }
  | { readonly kind: 'layered-base'; readonly base: ComposeDocument };

/** What of a project's group runs in production, if anything. */
export function productionOf(project: ComposeProject, settings: Settings): Production | undefined {
  const group = project.group.length ? project.group : [project];
  const environments = group.filter((env) => isProductionEnvironment(env, settings));
  if (environments.length) return { kind: 'environments', environments };
  const layered = group.length > 1 || group.some((env) => env.files.length > 1);
  if (layered && layeredBaseIsProduction(settings)) return { kind: 'layered-base', base: group[0]!.files[0]! };
  return undefined;
}
