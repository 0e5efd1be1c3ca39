/**
 * `stack-lint explain-project`: what the linter believes about the projects
 * of a repository — each project's compose files in `-f` order, env files,
 * profiles, and each service's Dockerfile, target and context — with the
 * evidence (file:line) that decided each. Built by the same parse stage the
 * lint runs (discovery, the compose loader, the stack model), so what it
 * prints is what the rules see.
 */
import path from 'node:path';
import { configuredProjects, type PlannedProject } from '../parse/compose/layers.js';
import type { ComposeDocument } from '../parse/compose/document.js';
import { loadStack } from '../stack/load.js';
import { ComposeLoader } from '../stack/compose-loader.js';
import { prepare, type RunOptions } from './run.js';
import { readSource } from '../parse/sources.js';
import { reachedComposeFiles } from '../parse/compose/references.js';
import { readText } from '../stack/resources.js';

export interface ExplainedService {
  readonly name: string;
  /** Relative to the run's folder; undefined for a pulled image or an inline Dockerfile. */
  readonly dockerfile?: string;
  readonly target?: string;
  readonly context?: string;
  /** Where the build is written (`file:line`). */
  readonly evidence?: string;
}

export interface ExplainedProject {
  readonly name: string;
  readonly environment: string;
  readonly directory: string;
  readonly files: readonly string[];
  /** `config`, `COMPOSE_FILE`, `invocation`, `convention` or `name`. */
  readonly source: string;
  /** `file:line` of each command, setting or file that makes the project. */
  readonly evidence: readonly string[];
  readonly envFiles: readonly string[];
  readonly profiles: readonly string[];
  /** Variables the invoking environment sets (CI `env:`). */
  readonly variables: readonly string[];
  /** Compose files the project's files pull in with `include:` or `extends.file` (linted in this project), with where each is named. */
  readonly pulledIn?: readonly { readonly file: string; readonly by: 'include' | 'extends'; readonly evidence: string }[];
  /** Set when the project is a fragment no evidence places on a base: why it cannot stand alone. */
  readonly unplacedFragment?: readonly string[];
  readonly services: readonly ExplainedService[];
}

/** A Dockerfile the repository builds by command (a script, a Makefile, a CI step, a bake target), outside compose. */
export interface ExplainedBuild {
  /** Relative to the run's folder; the context's own `Dockerfile` when the command names none. */
  readonly dockerfile: string;
  readonly context?: string;
  readonly target?: string;
  /** Where the command is written (`file:line`). */
  readonly evidence: string;
}

export interface ExplainedRepository {
  readonly projects: readonly ExplainedProject[];
  /** Builds the repository runs by command; a compose service's build is listed under its project. */
  readonly builds: readonly ExplainedBuild[];
}

/** The projects of the compose files a run would lint, as the linter sees them. */
export async function explainProjects(options: RunOptions): Promise<ExplainedProject[]> {
  return [...(await explainRepository(options)).projects];
}

/** The projects, and the builds the repository runs by command, as the linter sees them. */
export async function explainRepository(options: RunOptions): Promise<ExplainedRepository> {
  const prepared = await prepare({ ...options, keepTexts: true });
  const { cwd, overlay } = prepared;
  const rel = (abs: string) => path.relative(cwd, abs).split(path.sep).join('/') || '.';
  const at = (e: { file: string; line: number }) => `${rel(e.file)}:${e.line}`;
  const loader = new ComposeLoader({ cwd, ...(overlay ? { overlay } : {}), ...(prepared.evidence ? { evidence: prepared.evidence } : {}) });
  const docs: ComposeDocument[] = [];
  const declared: PlannedProject[] = [];
  for (const f of prepared.files) {
    if (f.kind !== 'compose') continue;
    const read = readSource(f.path, f.kind, cwd, overlay);
    if (!read.ok) continue;
    const parsed = await loader.parseLinted(read.source);
    if (parsed.ok) docs.push(parsed.doc);
    const config = await prepared.config.forFile(f.path, f.kind);
    for (const p of configuredProjects(config, cwd)) if (!declared.some((d) => d.files.join('\0') === p.files.join('\0'))) declared.push(p);
  }
  const compose = await loader.projects(docs, declared);
  const { model } = await loadStack({ composeFiles: docs, composeProjects: compose.projects, composeProjectOf: compose.projectFor, dockerfiles: [], scripts: [] }, { cwd, ...(overlay ? { overlay } : {}) });
  const builds: ExplainedBuild[] = [];
  for (const item of prepared.evidence?.items ?? []) {
    if (item.kind !== 'build' || (!item.dockerfile && !item.context)) continue;
    const dockerfile = item.dockerfile ?? path.join(item.context!, 'Dockerfile');
    builds.push({
      dockerfile: rel(dockerfile),
      ...(item.context ? { context: rel(item.context) } : {}),
      ...(item.target ? { target: item.target } : {}),
      evidence: at(item.at),
    });
  }
  const projects = compose.projects.map((project): ExplainedProject => {
    const origin = project.origin;
    const services = project.services.map((service): ExplainedService => {
      const build = model.serviceBuild(service, project);
      if (!build) return { name: service.name };
      const node = build.dockerfileNode ?? build.contextNode ?? build.node;
      const line = node.file.text.slice(0, node.start).split('\n').length;
      return {
        name: service.name,
        ...(build.dockerfilePath ? { dockerfile: rel(build.dockerfilePath) } : {}),
        ...(build.target ? { target: build.target } : {}),
        ...(build.context ? { context: rel(build.context) } : {}),
        evidence: `${rel(node.file.path)}:${line}`,
      };
    });
    const pulledIn = [...reachedComposeFiles(project.files.map((f) => f.file.path), (p) => readText(p, overlay))].map(([file, ref]) => ({ file: rel(file), by: ref.kind, evidence: at(ref.at) }));
    return {
      name: project.name,
      environment: project.environment,
      directory: rel(project.directory),
      files: project.files.map((f) => rel(f.file.path)),
      source: origin?.source ?? (project.declared ? 'config' : 'name'),
      evidence: (origin?.evidence ?? []).map(at),
      envFiles: [...new Set([...(origin?.envTemplates ?? []), ...(origin?.envFiles ?? [])])].map(rel),
      profiles: [...(origin?.profiles ?? [])],
      variables: [...(origin?.variables ?? [])],
      ...(pulledIn.length ? { pulledIn } : {}),
      ...(origin?.unplacedFragment ? { unplacedFragment: origin.unplacedFragment.reasons } : {}),
      services,
    };
  });
  return { projects, builds };
}
