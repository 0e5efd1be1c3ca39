/**
 * Turns the repository's compose invocations into projects: which files, in
 * `-f` order, with which env files, profiles and project directory, and the
 * evidence (file:line) for each. Paths are resolved here, where it is known
 * which files exist: a command is placed in the first of its candidate
 * folders where every file it names is there.
 */
import path from 'node:path';
import { BASE_NAMES } from '../../parse/compose/layers.js';
import { UNKNOWN } from './commands.js';
import type { BuildRun, ComposeRun, EvidenceAt, EvidenceItem } from './types.js';

/** How a project was found, strongest first. */
export type ProjectSource = 'config' | 'COMPOSE_FILE' | 'invocation' | 'convention' | 'name';

export interface EvidencePlan {
  /** Absolute, in `-f` order. */
  readonly files: readonly string[];
  readonly environment: string;
  readonly name?: string;
  readonly envFiles: readonly string[];
  readonly profiles: readonly string[];
  readonly projectDirectory?: string;
  /** Variables the invoking environment sets (CI `env:`): known to interpolation. */
  readonly variables: readonly string[];
  /** Every command running it is a CI job's. */
  readonly ciOnly?: boolean;
  /** Its override is a file that a script links into compose's override place (`ln -s docker-compose.override.dev.yml docker-compose.override.yml`). */
  readonly overrideLinked?: boolean;
  readonly source: ProjectSource;
  readonly evidence: readonly EvidenceAt[];
}

export interface PlanEnvironment {
  /** Whether a file exists (a compose file, an override or its template). */
  exists(abs: string): boolean;
  /** Every YAML file under the scanned folders (what a `*` in a path may match). */
  readonly yamlFiles: readonly string[];
}

/** Files compose loads by default beside a base file, by base name stem. */
const OVERRIDES = (stem: string) => [`${stem}.override.yaml`, `${stem}.override.yml`];
/** Committed stand-ins for the override users create: `compose.override.yaml.example`, `docker-compose.override.example.yml`. */
const TEMPLATES = (stem: string) =>
  ['yaml', 'yml'].flatMap((ext) => [
    ...['example', 'sample', 'dist', 'template'].map((t) => `${stem}.override.${ext}.${t}`),
    ...['example', 'sample', 'dist', 'template'].map((t) => `${stem}.override.${t}.${ext}`),
  ]);
/** The most plans one command with a `*` in a path expands to. */
const MAX_EXPANSIONS = 50;

/** The base file compose finds in a folder, with the override it loads (or the committed template users copy to it). */
export function defaultFiles(dir: string, env: PlanEnvironment, overrideLink?: string): { files: string[]; override?: 'file' | 'template' | 'link' } | undefined {
  const base = BASE_NAMES.map((n) => path.join(dir, n)).find((f) => env.exists(f));
  if (!base) return undefined;
  const stem = path.basename(base).replace(/\.ya?ml$/, '');
  if (overrideLink) return { files: [base, path.resolve(dir, overrideLink)], override: 'link' };
  const override = OVERRIDES(stem).map((n) => path.join(dir, n)).find((f) => env.exists(f));
  if (override) return { files: [base, override], override: 'file' };
  const template = TEMPLATES(stem).map((n) => path.join(dir, n)).find((f) => env.exists(f));
  if (template) return { files: [base, template], override: 'template' };
  return { files: [base] };
}

/** Whether a name is a template of a folder's override (`compose.override.yaml.example`). */
export function isOverrideTemplate(file: string): boolean {
  const name = path.basename(file).toLowerCase();
  return ['compose', 'docker-compose'].some((stem) => TEMPLATES(stem).includes(name));
}

/** The projects the invocations run, merged when they run the same files. */
export function plansFromRuns(runs: readonly ComposeRun[], env: PlanEnvironment): EvidencePlan[] {
  const byKey = new Map<string, EvidencePlan>();
  // A file (a CI workflow) that links one override and then runs plain `docker compose` in the same folder runs it with that override.
  const links = new Map<string, ComposeRun[]>();
  for (const run of runs) if (run.overrideLink) links.set(run.at.file, [...(links.get(run.at.file) ?? []), run]);
  for (const written of runs) {
    const linked = links.get(written.at.file);
    const only = linked?.length === 1 ? linked[0]! : undefined;
    const run = only && !written.overrideLink && !written.files.length && !written.projectDirectory && only.cwd === written.cwd ? { ...written, overrideLink: only.overrideLink! } : written;
    for (const plan of placeRun(run, env)) {
      const key = plan.files.join('\u0000');
      const seen = byKey.get(key);
      if (!seen) byKey.set(key, plan);
      else byKey.set(key, merge(seen, plan));
    }
  }
  return [...byKey.values()];
}

function merge(a: EvidencePlan, b: EvidencePlan): EvidencePlan {
  const union = (x: readonly string[], y: readonly string[]) => [...new Set([...x, ...y])];
  // A name only when every command running these files gives the same one.
  const { name: _name, ciOnly: _ci, overrideLinked: _linked, ...rest } = a;
  return {
    ...rest,
    ...(a.name !== undefined && a.name === b.name ? { name: a.name } : {}),
    envFiles: union(a.envFiles, b.envFiles),
    profiles: union(a.profiles, b.profiles),
    variables: union(a.variables, b.variables).sort(),
    ...(a.ciOnly && b.ciOnly ? { ciOnly: true } : {}),
    ...(a.overrideLinked || b.overrideLinked ? { overrideLinked: true } : {}),
    evidence: [...a.evidence, ...b.evidence],
  };
}

/** The plans one command makes: in the first candidate folder where what it names exists. */
function placeRun(run: ComposeRun, env: PlanEnvironment): EvidencePlan[] {
  for (const cwd of [run.cwd, ...run.otherCwds]) {
    const plans = run.files.length ? explicitFiles(run, cwd, env) : plainRun(run, cwd, env);
    if (plans) return plans;
  }
  return [];
}

function common(run: ComposeRun, cwd: string): Omit<EvidencePlan, 'files' | 'environment' | 'source'> {
  return {
    ...(run.projectName ? { name: run.projectName } : {}),
    envFiles: run.envFiles.filter((f) => !f.includes(UNKNOWN)).map((f) => path.resolve(cwd, f)),
    profiles: run.profiles.filter((p) => !p.includes(UNKNOWN)),
    ...(run.projectDirectory ? { projectDirectory: path.resolve(cwd, run.projectDirectory) } : {}),
    variables: run.variables,
    ...(run.ci ? { ciOnly: true } : {}),
    evidence: [run.at],
  };
}

function plainRun(run: ComposeRun, cwd: string, env: PlanEnvironment): EvidencePlan[] | undefined {
  const dir = run.projectDirectory ? path.resolve(cwd, run.projectDirectory) : cwd;
  const found = defaultFiles(dir, env, run.overrideLink);
  if (!found || !found.files.every((f) => env.exists(f))) return undefined;
  const environment = found.override === 'link' ? environmentOf(found.files) : 'default';
  return [{ files: found.files, environment, source: found.override === 'template' ? 'convention' : 'invocation', ...common(run, cwd), ...(found.override === 'link' ? { overrideLinked: true } : {}) }];
}

function explicitFiles(run: ComposeRun, cwd: string, env: PlanEnvironment): EvidencePlan[] | undefined {
  let lists: string[][] = [[]];
  const written = run.files.map((f) => path.resolve(cwd, f));
  for (const file of written) {
    if (!file.includes(UNKNOWN)) {
      if (!env.exists(file)) return undefined;
      lists = lists.map((l) => [...l, file]);
      continue;
    }
    const pattern = new RegExp(`^${file.split(UNKNOWN).map((p) => p.replace(/[.+?^$()|[\]\\{}]/g, '\\$&')).join('.*')}$`);
    const matches = env.yamlFiles.filter((f) => pattern.test(f) && !written.includes(f));
    if (!matches.length) return undefined;
    lists = lists.flatMap((l) => matches.filter((m) => !l.includes(m)).map((m) => [...l, m])).slice(0, MAX_EXPANSIONS);
  }
  return lists.map((files) => ({ files, environment: environmentOf(files), source: 'invocation' as const, ...common(run, cwd) }));
}

/** `default` for one file, else the last file's name without its extension (`docker-compose-inits`). */
export function environmentOf(files: readonly string[]): string {
  if (files.length === 1) return 'default';
  const last = files[files.length - 1]!;
  const name = path.basename(last).replace(/\.ya?ml(?:\.[a-z]+)?$/i, '');
  // ci/basic/compose.yaml: the folder says more than the name
  if (/^(?:docker-)?compose$/i.test(name)) return path.basename(path.dirname(last));
  // docker-compose.override.dev.yml → dev, docker-compose-inits.yml → inits
  return name.replace(/^(?:docker-)?compose[.-](?:override[.-])?/i, '') || name;
}

/**
 * Files the evidence says are compose files or Dockerfiles whatever their
 * names: what a command passes with `-f` to `docker compose` (`base.yaml`,
 * `ci/stack.yml`) or to `docker build` (`docker/app.df`).
 */
export function kindsFromEvidence(items: readonly EvidenceItem[], env: PlanEnvironment): Map<string, 'compose' | 'dockerfile'> {
  const out = new Map<string, 'compose' | 'dockerfile'>();
  const runs = items.filter((i): i is ComposeRun => i.kind === 'compose');
  for (const plan of plansFromRuns(runs, env)) for (const f of plan.files) out.set(f, 'compose');
  for (const b of items) if (b.kind === 'build' && b.dockerfile && !out.has(b.dockerfile) && env.exists(b.dockerfile)) out.set(b.dockerfile, 'dockerfile');
  return out;
}
