/**
 * Which compose environments run in production: an environment named `prod`
 * or `production` (`compose.prod.yaml` on its base, or a declared project's
 * `environment:`), one whose last file is named like a production file
 * (`settings.productionFiles`, `*prod*` by default), and — when no environment
 * of a layered project is production — the base file on its own (the
 * `compose.yaml` / `docker-compose.yml` that overrides such as
 * `docker-compose.dev.yml` or `compose.override.yaml` sit beside), which is
 * what `docker compose -f compose.yaml up` runs in production (seed 003).
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { SourceFile } from '../../source.js';
import type { ComposeDocument } from '../document.js';
import type { ComposeProject } from '../project.js';
import { layeredBaseIsProduction, productionFiles } from './settings.js';

type Settings = Readonly<Record<string, unknown>>;

const PRODUCTION_ENVIRONMENTS = new Set(['prod', 'production']);

/** Compiled globs, by glob: `picomatch.isMatch` compiles its glob anew on every call, and this runs for every environment of every file. */
const matchers = new Map<string, (p: string) => boolean>();

function globMatcher(glob: string): (p: string) => boolean {
  let m = matchers.get(glob);
  if (!m) matchers.set(glob, (m = picomatch(glob, { dot: true, nocase: true })));
  return m;
}

/** The file's name matches `settings.productionFiles` (a glob without `/` matches the base name, one with `/` the relative path). */
export function isProductionFile(file: SourceFile, settings: Settings): boolean {
  const base = path.basename(file.path);
  return productionFiles(settings).some((glob) => globMatcher(glob)(glob.includes('/') ? file.relPath : base));
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
