import path from 'node:path';
import type { ComposeDocument } from '../parse/compose/document.js';
import { ProjectBuilder, type ComposeProject, type ProjectService } from '../parse/compose/project.js';
import type { DockerfileDocument } from '../parse/dockerfile/types.js';
import { copyArgs } from '../parse/dockerfile/words.js';
import type { ShellDocument } from '../parse/shell/types.js';
import { buildImage, dockerignoreFor, resolveBuild, type ServiceBuild, type ServiceImage } from './builds.js';
import type { BuildRun } from './evidence/types.js';
import { composeCallsIn, type ComposeCall } from './compose-calls.js';
import { diskResources, type PathState, type StackResources } from './resources.js';
import type { ProjectRoot } from '../core/project-root.js';

export type { ServiceBuild, ServiceImage } from './builds.js';
export type { ComposeCall, ComposeFileRef } from './compose-calls.js';
export type { PathState, StackResources } from './resources.js';

/** A service of a project, as `servicesBuiltFrom` lists it. */
export interface BuiltService {
  readonly project: ComposeProject;
  readonly service: ProjectService;
  readonly build: ServiceBuild;
  /** The image, when the build's stage exists. */
  readonly image: ServiceImage | undefined;
}

/** A folder a Dockerfile is built from, and what decided it. */
export interface BuildContext {
  /** Absolute. */
  readonly context: string;
  /** The `.dockerignore` that build follows: `<Dockerfile>.dockerignore`, else the context's; undefined when there is none. */
  readonly dockerignore: { readonly path: string; readonly text: string } | undefined;
  /** Where the build is written: a compose service's `build`, a `docker build` command, a CI step, a bake target. */
  readonly at: { readonly file: string; readonly line: number };
}

/**
 * Every parsed file of a run, so rules can look across files. Rules never read
 * the file system; whatever they may need from other files is here.
 */
export interface StackModel {
  /** The folder the run started in (ShellCheck resolves relative `source` paths against it). */
  readonly cwd?: string;
  /** The `source-path=` entries of the `.shellcheckrc` that applies to a script, as written; empty when none. */
  sourcePathOf?(script: string): readonly string[];
  readonly composeFiles: readonly ComposeDocument[];
  readonly dockerfiles: readonly DockerfileDocument[];
  readonly scripts: readonly ShellDocument[];
  /**
   * The Compose projects the linted compose files form: layered environments
   * (`compose.yaml` + `compose.override.yaml`, + `compose.<env>.yaml`), the
   * projects `settings.composeProjects` declares, and single files.
   */
  readonly composeProjects: readonly ComposeProject[];
  composeAt(path: string): ComposeDocument | undefined;
  dockerfileAt(path: string): DockerfileDocument | undefined;
  /** The project a linted compose file is checked in (its `ctx.project`). */
  composeProjectOf(path: string): ComposeProject | undefined;

  /** The groups of environments built on one base file (`project.group`), each once, `default` first. */
  projectGroups(): readonly (readonly ComposeProject[])[];
  /** What is at an absolute path: a file of the run, or what the parse stage found; undefined when unknown. */
  pathState(path: string): PathState | undefined;
  /**
   * A Dockerfile by path: one the run lints, else one the parse stage read
   * because a build names it (context only: findings are never reported in it).
   */
  dockerfileFor(path: string): DockerfileDocument | undefined;
  /** How the service's `build` resolves in the project; undefined when it has no `build`. */
  serviceBuild(service: ProjectService | string, project: ComposeProject): ServiceBuild | undefined;
  /**
   * The image the service's build produces: the parsed Dockerfile, the stage
   * (`target` or the final one), the stages in the image, the base image with
   * build args applied. Undefined without a build, and when the Dockerfile is
   * not parsed or the target is not one of its stages.
   */
  serviceImage(service: ProjectService | string, project: ComposeProject): ServiceImage | undefined;
  /** Every service of every project and environment whose build resolves to the Dockerfile. */
  servicesBuiltFrom(dockerfile: DockerfileDocument | string): readonly BuiltService[];
  /**
   * The contexts a Dockerfile is really built from: compose builds, and the
   * `docker build` commands, CI build steps and bake targets of the
   * repository. Empty when nothing builds it (it is then assumed built from its own folder).
   */
  buildContextsOf(dockerfile: string): readonly BuildContext[];
  /** The `docker compose` / `docker-compose` calls of a script, with the project each runs. */
  composeCallsIn(script: ShellDocument): readonly ComposeCall[];
  /** Every compose call of the run's scripts. */
  composeCalls(): readonly ComposeCall[];
  /**
   * The run's scripts a service runs as its `entrypoint` or `command`: matched
   * through a bind mount (`./entry.sh:/entry.sh`), a `COPY` of its image, or by
   * file name under the project or build context folder.
   */
  serviceScripts(service: ProjectService | string, project: ComposeProject): readonly ShellDocument[];
  /** Whether a path lies outside the project root, so that it was not read (false when the run has no root). */
  outsideProject(path: string): boolean;
}

export interface StackParts {
  composeFiles: readonly ComposeDocument[];
  dockerfiles: readonly DockerfileDocument[];
  scripts: readonly ShellDocument[];
  composeProjects?: readonly ComposeProject[];
  composeProjectOf?: (path: string) => ComposeProject | undefined;
  /**
   * What the parse stage read beyond the run's files (`loadStack`).
   * Without it the model reads what it needs from disk itself, once per path.
   */
  resources?: StackResources;
  /** The folder the run started in (relative paths in context files); defaults to the first file's. */
  cwd?: string;
  /** The project root: nothing outside it is read (see engine/project-root.ts). */
  root?: ProjectRoot;
  /** `docker build` commands, CI build steps and bake targets found in the repository. */
  builds?: readonly BuildRun[];
  /** Script path → the `source-path=` entries of the `.shellcheckrc` that applies to it. */
  sourcePaths?: ReadonlyMap<string, readonly string[]>;
}

export function createStackModel(parts: StackParts): StackModel {
  const compose = new Map(parts.composeFiles.map((d) => [d.file.path, d]));
  const docker = new Map(parts.dockerfiles.map((d) => [d.file.path, d]));
  const composeProjects = parts.composeProjects ?? [];
  // Every compose document the run loaded: linted ones and those read for context (layers, extends, includes).
  const allCompose = new Map(compose);
  const addProject = (p: ComposeProject): void => {
    for (const d of p.files) if (!allCompose.has(d.file.path)) allCompose.set(d.file.path, d);
    for (const s of p.services) for (const def of s.definitions) if (!allCompose.has(def.doc.file.path)) allCompose.set(def.doc.file.path, def.doc);
    p.included.forEach(addProject);
  };
  composeProjects.forEach(addProject);

  const anchor = parts.composeFiles[0]?.file ?? parts.dockerfiles[0]?.file ?? parts.scripts[0]?.file;
  const cwd = parts.cwd ?? (anchor ? rootOf(anchor.path, anchor.relPath) : process.cwd());
  const resources = parts.resources ?? diskResources({ cwd, ...(anchor ? { anchor: anchor.path } : {}), ...(parts.root ? { root: parts.root } : {}) });

  // Files and folders the run knows of without asking.
  const knownFiles = new Set<string>([...allCompose.keys(), ...docker.keys(), ...parts.scripts.map((s) => s.file.path)]);
  for (const d of allCompose.values()) for (const f of d.envFiles.values()) if (f.exists) knownFiles.add(f.path);
  const knownDirs = new Set<string>();
  for (const f of knownFiles) {
    for (let d = path.dirname(f); !knownDirs.has(d); d = path.dirname(d)) {
      knownDirs.add(d);
      if (path.dirname(d) === d) break;
    }
  }
  const pathState = (p: string): PathState | undefined => {
    const abs = path.resolve(p);
    if (knownFiles.has(abs)) return 'file';
    if (knownDirs.has(abs)) return 'dir';
    return resources.stat(abs);
  };
  const dockerfileFor = (p: string): DockerfileDocument | undefined => docker.get(p) ?? resources.dockerfile(p);
  const env = { stat: pathState, text: (p: string) => resources.text(p), dockerfileAt: dockerfileFor };

  const builds = new WeakMap<ComposeProject, Map<string, ServiceBuild | null>>();
  const serviceOf = (service: ProjectService | string, project: ComposeProject): ProjectService | undefined =>
    typeof service === 'string' ? project.service(service) : service;
  const serviceBuild = (service: ProjectService | string, project: ComposeProject): ServiceBuild | undefined => {
    const s = serviceOf(service, project);
    if (!s) return undefined;
    let cache = builds.get(project);
    if (!cache) builds.set(project, (cache = new Map()));
    let hit = cache.get(s.name);
    if (hit === undefined) {
      hit = resolveBuild(project, s, env) ?? null;
      cache.set(s.name, hit);
    }
    return hit ?? undefined;
  };
  const images = new WeakMap<ServiceBuild, ServiceImage | null>();
  const serviceImage = (service: ProjectService | string, project: ComposeProject): ServiceImage | undefined => {
    const b = serviceBuild(service, project);
    if (!b) return undefined;
    let hit = images.get(b);
    if (hit === undefined) {
      hit = buildImage(b) ?? null;
      images.set(b, hit);
    }
    return hit ?? undefined;
  };

  let byDockerfile: Map<string, BuiltService[]> | undefined;
  const servicesBuiltFrom = (dockerfile: DockerfileDocument | string): readonly BuiltService[] => {
    if (!byDockerfile) {
      byDockerfile = new Map();
      for (const project of composeProjects) {
        for (const service of project.services) {
          const build = serviceBuild(service, project);
          const file = build?.dockerfile?.file.path ?? build?.dockerfilePath;
          if (!build || file === undefined) continue;
          const list = byDockerfile.get(file) ?? [];
          list.push({ project, service, build, image: serviceImage(service, project) });
          byDockerfile.set(file, list);
        }
      }
    }
    return byDockerfile.get(typeof dockerfile === 'string' ? dockerfile : dockerfile.file.path) ?? [];
  };

  const contexts = new Map<string, BuildContext[]>();
  const buildContextsOf = (dockerfile: string): readonly BuildContext[] => {
    let hit = contexts.get(dockerfile);
    if (hit) return hit;
    const found: BuildContext[] = [];
    const add = (context: string, at: BuildContext['at']) => {
      if (found.some((c) => c.context === context)) return;
      found.push({ context, dockerignore: dockerignoreFor(dockerfile, context, dockerfileFor(dockerfile), (p) => resources.text(p)), at });
    };
    for (const { build } of servicesBuiltFrom(dockerfile)) {
      if (!build.context) continue;
      const node = build.contextNode ?? build.node;
      add(build.context, { file: node.file.path, line: node.file.lines.position(node.start).line });
    }
    for (const run of parts.builds ?? []) {
      if (run.context && (run.dockerfile ?? path.join(run.context, 'Dockerfile')) === dockerfile) add(run.context, run.at);
    }
    contexts.set(dockerfile, found);
    return found;
  };

  // Projects a script's `-f` files form: the run's own when the files match, else built here from the loaded documents.
  const scriptProjects = new Map<string, { project: ComposeProject; partial: boolean } | undefined>();
  const projectOf = (files: readonly string[], options: { name?: string; directory?: string }) => {
    const key = `${files.join('\u0000')}\u0001${options.name ?? ''}\u0001${options.directory ?? ''}`;
    if (scriptProjects.has(key)) return scriptProjects.get(key);
    let out: { project: ComposeProject; partial: boolean } | undefined;
    const same = !options.directory || options.directory === path.dirname(files[0]!);
    const existing = same && !options.name ? composeProjects.find((p) => p.files.length === files.length && p.files.every((f, i) => f.file.path === files[i])) : undefined;
    if (existing) out = { project: existing, partial: existing.partial };
    else {
      const docs = files.map((f) => allCompose.get(f));
      if (docs.every((d): d is ComposeDocument => d !== undefined)) {
        let missed = false;
        const builder = new ProjectBuilder((p) => {
          const d = allCompose.get(p);
          if (!d) missed = true;
          return d;
        });
        const project = builder.build({ files: docs, environment: 'script', declared: false, ...(options.name ? { name: options.name } : {}) });
        out = { project, partial: missed || project.partial };
      }
    }
    scriptProjects.set(key, out);
    return out;
  };
  const linkedProjects = (base: string) => composeProjects.filter((p) => p.origin?.overrideLinked && p.files.length === 2 && p.files[0]!.file.path === base);
  const callEnv = { stat: pathState, composeAt: (p: string) => allCompose.get(p), projectOf, linkedProjects };
  const calls = new Map<ShellDocument, ComposeCall[]>();
  const composeCallsInScript = (script: ShellDocument): readonly ComposeCall[] => {
    let hit = calls.get(script);
    if (!hit) calls.set(script, (hit = composeCallsIn(script, callEnv)));
    return hit;
  };

  let groups: ComposeProject[][] | undefined;
  const projectGroups = (): readonly (readonly ComposeProject[])[] => {
    if (!groups) {
      const seen = new Set<ComposeProject>();
      groups = [];
      for (const p of composeProjects) {
        if (seen.has(p)) continue;
        const group = p.group.length ? [...p.group] : [p];
        group.forEach((g) => seen.add(g));
        groups.push(group);
      }
    }
    return groups;
  };

  // Asked for every service at load, and by rules for every script: answered once per service.
  const runBy = new Map<ComposeProject, Map<string, readonly ShellDocument[]>>();
  let scriptIndex: ScriptIndex | undefined;
  const serviceScripts = (service: ProjectService | string, project: ComposeProject): readonly ShellDocument[] => {
    const s = serviceOf(service, project);
    if (!s) return [];
    let cache = runBy.get(project);
    if (!cache) runBy.set(project, (cache = new Map()));
    let hit = cache.get(s.name);
    if (!hit) {
      scriptIndex ??= indexScripts(parts.scripts);
      cache.set(s.name, (hit = scriptsRunBy(s, project, scriptIndex, serviceImage(s, project))));
    }
    return hit;
  };

  return {
    cwd,
    sourcePathOf: (script) => parts.sourcePaths?.get(script) ?? [],
    composeFiles: parts.composeFiles,
    dockerfiles: parts.dockerfiles,
    scripts: parts.scripts,
    composeProjects,
    composeAt: (p) => compose.get(p),
    dockerfileAt: (p) => docker.get(p),
    composeProjectOf: (p) => parts.composeProjectOf?.(p),
    projectGroups,
    pathState,
    dockerfileFor,
    serviceBuild,
    serviceImage,
    servicesBuiltFrom,
    buildContextsOf,
    composeCallsIn: composeCallsInScript,
    composeCalls: () => parts.scripts.flatMap((s) => composeCallsInScript(s)),
    serviceScripts,
    outsideProject: (p) => parts.root !== undefined && !knownFiles.has(path.resolve(p)) && !parts.root.contains(path.resolve(p)),
  };
}

/** The folder a run started in, from a file's absolute and relative paths. */
function rootOf(abs: string, rel: string): string {
  if (rel.startsWith('..') || path.isAbsolute(rel)) return path.dirname(abs);
  let dir = abs;
  for (let i = 0; i < rel.split('/').length; i++) dir = path.dirname(dir);
  return dir;
}

const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/usr/bin/env']);

/** The run's scripts by path and by file name. */
interface ScriptIndex {
  readonly byPath: ReadonlyMap<string, ShellDocument>;
  readonly byName: ReadonlyMap<string, readonly ShellDocument[]>;
}

function indexScripts(scripts: readonly ShellDocument[]): ScriptIndex {
  const byName = new Map<string, ShellDocument[]>();
  for (const s of scripts) {
    const name = path.basename(s.file.path);
    const list = byName.get(name);
    if (list) list.push(s);
    else byName.set(name, [s]);
  }
  return { byPath: new Map(scripts.map((s) => [s.file.path, s])), byName };
}

/** The scripts of the run a service starts through its `entrypoint`/`command` (the image's when the service sets none). */
function scriptsRunBy(service: ProjectService, project: ComposeProject, scripts: ScriptIndex, image: ServiceImage | undefined): ShellDocument[] {
  const programs = new Set<string>();
  const wordsOf = (node: ReturnType<ProjectService['get']>): string[] => {
    if (node === undefined) return [];
    if (node.type === 'scalar') return node.value === null ? [] : (project.valueOf(node) ?? '').split(/\s+/).filter(Boolean);
    if (node.type === 'seq') return node.items.map((i) => project.valueOf(i) ?? '');
    return [];
  };
  const consider = (words: string[]): void => {
    let i = 0;
    while (i < words.length && (SHELL_NAMES.has(words[i]!) || words[i]!.startsWith('-') || words[i] === 'exec')) i++;
    if (words[i]) programs.add(words[i]!);
  };
  consider(wordsOf(service.get('entrypoint')));
  consider(wordsOf(service.get('command')));
  if (!programs.size && image) {
    for (const stage of image.stages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'ENTRYPOINT' && ins.keyword !== 'CMD') continue;
        consider(ins.execForm ? safeJson(ins.argsText) : ins.args.map((a) => a.value));
      }
    }
  }
  if (!programs.size) return [];
  // Host paths the container paths come from: bind mounts, and COPY into the image.
  const hostFor = new Map<string, string>();
  const volumes = service.get('volumes');
  if (volumes?.type === 'seq') {
    for (const v of volumes.items) {
      const text = v.type === 'scalar' ? project.valueOf(v) : undefined;
      const parts = text?.split(':');
      if (parts && parts.length >= 2 && /^[.~/]/.test(parts[0]!)) hostFor.set(parts[1]!, path.resolve(project.directory, parts[0]!));
    }
  }
  // Files COPY puts into the image, from the build context.
  if (image?.build.context) {
    for (const stage of image.stages) {
      for (const ins of stage.instructions) {
        if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.flags.some((f) => f.name.toLowerCase() === 'from')) continue;
        const { sources, dest } = copyArgs(ins);
        if (!dest) continue;
        for (const src of sources) {
          const target = dest.value.endsWith('/') ? path.posix.join(dest.value, path.posix.basename(src.value)) : dest.value;
          hostFor.set(target, path.resolve(image.build.context, src.value));
        }
      }
    }
  }
  const out = new Set<ShellDocument>();
  const { byPath } = scripts;
  for (const program of programs) {
    for (const [target, host] of hostFor) {
      if (program === target) byPath.get(host) && out.add(byPath.get(host)!);
      else if (program.startsWith(`${target}/`)) {
        const hit = byPath.get(path.join(host, program.slice(target.length + 1)));
        if (hit) out.add(hit);
      }
    }
  }
  if (out.size) return [...out];
  // Else by file name, under the build context (or the project folder for a pulled image).
  const root = image?.build.context ?? project.directory;
  for (const program of programs) {
    const name = path.posix.basename(program);
    for (const s of scripts.byName.get(name) ?? []) if (s.file.path.startsWith(root + path.sep)) out.add(s);
  }
  return [...out];
}

function safeJson(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}
