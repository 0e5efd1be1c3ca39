/**
 * Which compose files form one project: a base file, the override compose
 * loads with it by default, and environment files layered on the base.
 */
import path from 'node:path';
import type { ProjectOrigin } from './project.js';

/** Base names in the order `docker compose` looks for them. */
export const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'] as const;

/** Environment names recognised in `compose.<env>.yaml` / `docker-compose.<env>.yml`. */
export const ENVIRONMENT_NAMES = ['dev', 'test', 'ci', 'prod', 'production', 'staging'] as const;

const OVERRIDE = /^((?:docker-)?compose)\.override\.ya?ml$/i;
const ENVIRONMENT = new RegExp(`^((?:docker-)?compose)[.-](${ENVIRONMENT_NAMES.join('|')})\\.ya?ml$`, 'i');

export type LayerRole =
  | { role: 'base'; stem: string }
  | { role: 'override'; stem: string }
  | { role: 'environment'; stem: string; environment: string }
  | { role: 'other' };

/** What a compose file's name says about its place in a layered project. */
export function layerRole(file: string): LayerRole {
  const name = path.basename(file);
  const lower = name.toLowerCase();
  if ((BASE_NAMES as readonly string[]).includes(lower)) return { role: 'base', stem: lower.replace(/\.ya?ml$/, '') };
  const o = OVERRIDE.exec(name);
  if (o) return { role: 'override', stem: o[1]!.toLowerCase() };
  const e = ENVIRONMENT.exec(name);
  if (e) return { role: 'environment', stem: e[1]!.toLowerCase(), environment: e[2]!.toLowerCase() };
  return { role: 'other' };
}

export interface PlannedProject {
  /** Absolute paths, in `-f` order. */
  readonly files: readonly string[];
  /** `default` for the base (and its override), else the environment's name. */
  readonly environment: string;
  /** Project name given by configuration (`composeProjects[].name`). */
  readonly name?: string;
  /** Declared in `settings.composeProjects` rather than found by name. */
  readonly declared: boolean;
  /** How it was found, with its evidence (set by the compose loader). */
  readonly origin?: ProjectOrigin;
}

/**
 * The projects the compose files of one folder form, by name: the base with
 * its override (`default`), the base with each environment file, and every
 * other file on its own. `files` are absolute paths of one folder.
 *
 * `composeFile` is what the folder's `.env` sets `COMPOSE_FILE` to (absolute
 * paths, in order): a plain `docker compose` there loads those files, so they
 * are the `default` project instead (see `withComposeFile`).
 */
export function planFolder(files: readonly string[], composeFile?: readonly string[]): PlannedProject[] {
  const byNames = planByNames(files);
  return composeFile?.length ? withComposeFile(byNames, composeFile) : byNames;
}

function planByNames(files: readonly string[]): PlannedProject[] {
  const byName = new Map(files.map((f) => [path.basename(f).toLowerCase(), f]));
  const bases = new Map<string, string>(); // stem → base file
  for (const name of BASE_NAMES) {
    const f = byName.get(name);
    const stem = name.replace(/\.ya?ml$/, '');
    if (f && !bases.has(stem)) bases.set(stem, f);
  }
  const preferred = BASE_NAMES.map((n) => byName.get(n)).find((f) => f !== undefined);
  const used = new Set<string>();
  const out: PlannedProject[] = [];
  for (const [stem, base] of bases) {
    const override = [`${stem}.override.yaml`, `${stem}.override.yml`].map((n) => byName.get(n)).find((f) => f !== undefined);
    out.push({ files: override ? [base, override] : [base], environment: 'default', declared: false });
    used.add(base);
    if (override) used.add(override);
  }
  for (const f of [...files].sort()) {
    const role = layerRole(f);
    if (role.role !== 'environment') continue;
    const base = bases.get(role.stem) ?? preferred;
    if (!base) continue;
    out.push({ files: [base, f], environment: role.environment, declared: false });
    used.add(f);
  }
  for (const f of [...files].sort()) {
    if (!used.has(f)) out.push({ files: [f], environment: 'default', declared: false });
  }
  return out;
}

/**
 * The folder's projects when its `.env` sets `COMPOSE_FILE`: those files are
 * the `default` project. What a plain run no longer loads goes: the base on
 * its own and a file of `COMPOSE_FILE` on its own. The base with an override
 * that `COMPOSE_FILE` leaves out stays, as the `override` environment (it is
 * run with `-f`), and so do the environment files' projects.
 */
function withComposeFile(byNames: readonly PlannedProject[], composeFile: readonly string[]): PlannedProject[] {
  const chosen = new Set(composeFile);
  const same = (a: readonly string[]) => a.length === composeFile.length && a.every((f, i) => f === composeFile[i]);
  const out: PlannedProject[] = [{ files: composeFile, environment: 'default', declared: false }];
  for (const plan of byNames) {
    if (same(plan.files)) continue;
    if (plan.environment === 'default' && chosen.has(plan.files[0]!)) {
      const rest = plan.files.slice(1).filter((f) => !chosen.has(f));
      if (rest.length) out.push({ ...plan, environment: 'override' });
      continue;
    }
    out.push(plan);
  }
  return out;
}

export interface DeclaredProject {
  files: string[];
  environment?: string;
  name?: string;
}

/**
 * Reads `settings.composeProjects`: a list of `{ files, environment?, name? }`
 * (or bare lists of files). Paths resolve against `base`. Malformed entries are skipped.
 */
export function declaredProjects(setting: unknown, base: string): PlannedProject[] {
  if (!Array.isArray(setting)) return [];
  const out: PlannedProject[] = [];
  for (const entry of setting) {
    const raw = Array.isArray(entry) ? { files: entry } : entry;
    if (!raw || typeof raw !== 'object') continue;
    const { files, environment, name } = raw as Record<string, unknown>;
    const list = typeof files === 'string' ? [files] : files;
    if (!Array.isArray(list) || list.length === 0 || !list.every((f) => typeof f === 'string' && f !== '')) continue;
    const abs = (list as string[]).map((f) => path.resolve(base, f));
    const env = typeof environment === 'string' && environment ? environment : abs.length === 1 ? 'default' : path.basename(abs[abs.length - 1]!);
    out.push({ files: abs, environment: env, declared: true, ...(typeof name === 'string' && name ? { name } : {}) });
  }
  return out;
}

/** A `projects:` entry of the config, paths absolute (the config loader's `ConfigProject`). */
export interface ConfiguredProject {
  readonly name?: string;
  readonly files: readonly string[];
  readonly envFiles: readonly string[];
  readonly profiles: readonly string[];
  readonly projectDirectory?: string;
  readonly at: { readonly file: string; readonly line: number };
}

/**
 * The projects a file's configuration declares: `projects:` (the strongest
 * evidence of how files combine), and the older `settings.composeProjects`.
 */
export function configuredProjects(config: { settings: Readonly<Record<string, unknown>>; configPath?: string; projects?: readonly ConfiguredProject[] }, cwd: string): PlannedProject[] {
  const out: PlannedProject[] = (config.projects ?? []).map((p) => ({
    files: [...p.files],
    environment: p.files.length === 1 ? 'default' : path.basename(p.files[p.files.length - 1]!),
    declared: true,
    ...(p.name ? { name: p.name } : {}),
    origin: { source: 'config' as const, evidence: [p.at], envFiles: p.envFiles, profiles: p.profiles, variables: [] },
  }));
  const legacy = declaredProjects(config.settings.composeProjects, config.configPath ? path.dirname(config.configPath) : cwd);
  return [...out, ...legacy.map((p) => ({ ...p, origin: { source: 'config' as const, evidence: config.configPath ? [{ file: config.configPath, line: 1 }] : [], envFiles: [], profiles: [], variables: [] } }))];
}
