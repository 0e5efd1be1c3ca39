/**
 * A compose service's `build` resolved the way `docker compose build` does:
 * the context folder and Dockerfile (relative paths against the project
 * directory, or the folder of the `extends`/`include` file that wrote them),
 * `dockerfile_inline`, `target`, `args`, the `.dockerignore` that applies,
 * and the parsed Dockerfile and stage that produce the image.
 */
import path from 'node:path';
import type { ComposeProject, ProjectService } from '../parse/compose/project.js';
import { entries } from '../parse/compose/values.js';
import { parseDockerfile } from '../parse/dockerfile/document.js';
import type { DfStage, DockerfileDocument } from '../parse/dockerfile/types.js';
import { getShellParserSync } from '../parse/shell/tree-sitter.js';
import { createSourceFile } from '../core/source.js';
import { isMap, isScalar, type YNode, type YScalar } from '../parse/yaml/nodes.js';
import { imageOf, type StackImage } from './image.js';
import type { PathState } from './resources.js';

/** Contexts compose fetches rather than reads from disk: URLs, git remotes, `oci://`, `docker-image://`. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)|\.git(?:#|$)/i;

export interface ServiceBuild {
  readonly project: ComposeProject;
  readonly service: ProjectService;
  /** The `build` value: a scalar (the context) or a mapping. */
  readonly node: YNode;
  /** `build: ./dir` or `build.context`. */
  readonly contextNode: YScalar | undefined;
  readonly dockerfileNode: YScalar | undefined;
  readonly inlineNode: YScalar | undefined;
  readonly targetNode: YScalar | undefined;
  readonly argsNode: YNode | undefined;
  /** The context folder, absolute; undefined when remote or not certain (an unset variable). */
  readonly context: string | undefined;
  /** The context is a URL or a git remote. */
  readonly remote: boolean;
  /** The Dockerfile, absolute (relative to the context); undefined for inline, remote and uncertain builds. */
  readonly dockerfilePath: string | undefined;
  /** The Dockerfile was not named: `Dockerfile` in the context (or `dockerfile`, `Containerfile` when that is what is there). */
  readonly defaultDockerfile: boolean;
  /** `build.target`, when certain. */
  readonly target: string | undefined;
  /** `build.args` after interpolation; an undefined value comes from the environment (`- NAME`, `NAME:`). */
  readonly args: ReadonlyMap<string, string | undefined>;
  /** What is at the context and the Dockerfile path; undefined when unknown (not on disk, or not asked). */
  readonly contextState: PathState | undefined;
  readonly dockerfileState: PathState | undefined;
  /** The parsed Dockerfile: one the run lints, one read for context, or the inline one. */
  readonly dockerfile: DockerfileDocument | undefined;
  /** `dockerfile_inline`: `dockerfile` was parsed from the compose file (its positions are not the compose file's). */
  readonly inline: boolean;
  /** The `.dockerignore` that applies: `<Dockerfile>.dockerignore` beside the Dockerfile, else `.dockerignore` in the context. */
  readonly dockerignore: { readonly path: string; readonly text: string } | undefined;
}

/**
 * The `.dockerignore` a build of `dockerfilePath` from `context` follows, as
 * BuildKit picks it: `<Dockerfile>.dockerignore` beside the Dockerfile, else
 * `.dockerignore` at the context's root; undefined when there is neither.
 */
export function dockerignoreFor(
  dockerfilePath: string,
  context: string,
  dockerfile: DockerfileDocument | undefined,
  text: (abs: string) => string | undefined,
): { path: string; text: string } | undefined {
  const own = `${dockerfilePath}.dockerignore`;
  const rootIgnore = path.join(context, '.dockerignore');
  const known = dockerfile?.dockerignore;
  if (known && (known.path === own || known.path === rootIgnore)) return known;
  const ownText = text(own);
  if (ownText !== undefined) return { path: own, text: ownText };
  const t = text(rootIgnore);
  return t === undefined ? undefined : { path: rootIgnore, text: t };
}

/** The image a service's build produces. */
export interface ServiceImage extends StackImage {
  readonly build: ServiceBuild;
}

/** What build resolution needs from the model. */
export interface BuildEnv {
  stat(abs: string): PathState | undefined;
  text(abs: string): string | undefined;
  dockerfileAt(abs: string): DockerfileDocument | undefined;
}

/** The folder relative paths in `node` resolve against: the project directory, an included project's, or an `extends` file's folder. */
export function baseDirOf(project: ComposeProject, node: YNode): string {
  if (project.layerOf(node) >= 0) return project.directory;
  for (const inc of project.included) if (inc.documentOf(node)) return baseDirOf(inc, node);
  return path.dirname(node.file.path);
}

const scalar = (n: YNode | undefined): YScalar | undefined => (isScalar(n) && n.value !== null ? n : undefined);

/** The interpolated value when it is certain (every variable set or defaulted). */
function certain(project: ComposeProject, node: YScalar): string | undefined {
  const r = project.interpolate(node);
  return r.unset.length || r.errors.length || r.required.length ? undefined : r.value;
}

const inlineDocs = new WeakMap<YScalar, DockerfileDocument>();

export function resolveBuild(project: ComposeProject, service: ProjectService, env: BuildEnv): ServiceBuild | undefined {
  const node = service.get('build');
  if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
  const map = isMap(node) ? node : undefined;
  const contextNode = map ? scalar(map.get('context')) : scalar(node);
  const dockerfileNode = scalar(map?.get('dockerfile'));
  const inlineNode = scalar(map?.get('dockerfile_inline'));
  const targetNode = scalar(map?.get('target'));
  const argsNode = map?.get('args');

  const contextValue = contextNode ? certain(project, contextNode) : '.';
  const remote = contextValue !== undefined && REMOTE.test(contextValue);
  const context = contextValue === undefined || remote ? undefined : path.resolve(baseDirOf(project, contextNode ?? node), contextValue);
  const contextState = context === undefined ? undefined : env.stat(context);

  const args = new Map<string, string | undefined>();
  for (const e of entries(project, argsNode)) args.set(e.key, e.raw === undefined || !e.certain ? undefined : e.value);
  const target = targetNode ? certain(project, targetNode) : undefined;

  let dockerfilePath: string | undefined;
  let dockerfileState: PathState | undefined;
  let dockerfile: DockerfileDocument | undefined;
  let defaultDockerfile = false;
  const inline = inlineNode !== undefined && dockerfileNode === undefined;
  if (inline) {
    dockerfile = inlineDockerfile(project, service, inlineNode);
  } else if (context !== undefined) {
    if (dockerfileNode) {
      const v = certain(project, dockerfileNode);
      if (v !== undefined) dockerfilePath = path.resolve(context, v);
    } else {
      defaultDockerfile = true;
      // `docker build` falls back to `dockerfile`; podman reads `Containerfile`.
      const candidates = ['Dockerfile', 'dockerfile', 'Containerfile'].map((n) => path.join(context, n));
      dockerfilePath = candidates.find((p) => env.dockerfileAt(p) !== undefined) ?? candidates.find((p) => env.stat(p) === 'file') ?? candidates[0];
    }
    if (dockerfilePath !== undefined) {
      dockerfile = env.dockerfileAt(dockerfilePath);
      dockerfileState = dockerfile ? 'file' : env.stat(dockerfilePath);
    }
  }

  const dockerignore = context !== undefined && dockerfilePath !== undefined ? dockerignoreFor(dockerfilePath, context, dockerfile, env.text) : undefined;

  return {
    project,
    service,
    node,
    contextNode,
    dockerfileNode,
    inlineNode,
    targetNode,
    argsNode,
    context,
    remote,
    dockerfilePath,
    defaultDockerfile,
    target,
    args,
    contextState,
    dockerfileState,
    dockerfile,
    inline,
    dockerignore,
  };
}

/** `dockerfile_inline`, parsed (its `RUN`s too when the shell parser is loaded). Positions are in the inline text. */
function inlineDockerfile(project: ComposeProject, service: ProjectService, node: YScalar): DockerfileDocument | undefined {
  let doc = inlineDocs.get(node);
  if (doc) return doc;
  const text = certain(project, node);
  if (text === undefined || text.trim() === '') return undefined;
  const where = `${node.file.path}#services.${service.name}.build.dockerfile_inline`;
  const source = createSourceFile({ path: where, relPath: `${node.file.relPath}#services.${service.name}.build.dockerfile_inline`, kind: 'dockerfile', text });
  doc = parseDockerfile(source, getShellParserSync());
  inlineDocs.set(node, doc);
  return doc;
}

/** The stage a build produces: `target` (compared as BuildKit does, case-insensitively), else the final stage. */
export function buildStage(build: ServiceBuild): DfStage | undefined {
  const doc = build.dockerfile;
  if (!doc) return undefined;
  if (build.targetNode) return build.target === undefined ? undefined : doc.stages.find((s) => s.name === build.target!.toLowerCase());
  return doc.finalStage;
}

/** The image the build produces, when its Dockerfile is parsed and the stage exists. */
export function buildImage(build: ServiceBuild): ServiceImage | undefined {
  const stage = buildStage(build);
  if (!stage || !build.dockerfile) return undefined;
  return { ...imageOf(build.dockerfile, stage, build.args), build };
}
