/**
 * The variables the environment gives a shell text before its first line
 * runs, as far as the stack shows them: what ShellCheck cannot know when it
 * calls a variable unassigned (SC2154) or misspelt (SC2153).
 *
 * - a Dockerfile `RUN` body: the `ARG`s and `ENV`s in scope in its stage
 *   (`ENV`s of the stages it is built `FROM` too), Docker's predefined build
 *   arguments (`HTTP_PROXY`…, `TARGETPLATFORM`…), and `PATH`, `HOME`, `HOSTNAME`;
 * - a compose shell string (`command: ["sh", "-c", …]`, a `CMD-SHELL`
 *   healthcheck): the service's `environment:` and `env_file:` keys, the
 *   `ENV`s of the image when the service builds it from a Dockerfile of the
 *   run, and what Docker sets in every container;
 * - a script the stack links to services (their `entrypoint`/`command`, see
 *   `StackModel.serviceScripts`): the same for each of those services (a
 *   name any of them provides counts), plus the `ARG`s of the image's stage.
 *
 * `complete` says whether a name missing here is surely unset: a base image
 * pulled from a registry, an `env_file` not read or a service environment
 * taken from the host may set names the stack does not show.
 *
 * A rule asks: `providedEnvironment(ctx).has('DATABASE_URL')`.
 */
import type { ComposeProject, ProjectService } from '../../../src/parse/compose/project.js';
import type { YNode } from '../../../src/parse/yaml/nodes.js';
import { envFileRefs, firstServiceNamed } from '../../../src/parse/compose/document.js';
import { runEnvironment, runEnvironmentValues } from '../../../src/parse/shell/run-env.js';
import type { ShellDocument } from '../../../src/parse/shell/types.js';
import type { DfInstruction, DfStage } from '../../../src/parse/dockerfile/types.js';
import type { StackModel } from '../../../src/stack/model.js';
import type { ShellContext } from '../define.js';

/** Where a provided variable comes from. */
export type ProvidedSource =
  /** `ARG` of the `RUN`'s stage (or, for a script, of the image's stage: set while building only). */
  | 'arg'
  /** `ENV` before the `RUN` in its stage or a stage it is built from; for a container, the image's `ENV`. */
  | 'env'
  /** A build argument Docker predefines: `HTTP_PROXY` and the like, `TARGETPLATFORM` and the like. */
  | 'predefined-arg'
  /** The service's `environment:`. */
  | 'environment'
  /** A file the service's `env_file:` names. */
  | 'env-file'
  /** Set by Docker in every build step and container: `PATH`, `HOME`, `HOSTNAME`. */
  | 'docker';

export interface ProvidedVariable {
  readonly name: string;
  readonly source: ProvidedSource;
  /** The value when the stack shows it (an `ENV`, an `ARG` default, an `environment:` value written without interpolation). */
  readonly value?: string;
  /** For `TARGETPLATFORM` and the other platform arguments: Docker sets them in a stage only when it declares them with `ARG`. */
  readonly declaredOnly?: true;
}

export interface ProvidedEnvironment {
  /** What the text is: a `RUN` body, a compose shell string, a script services run, or none of them (nothing is known). */
  readonly of: 'run' | 'compose' | 'service-script' | 'none';
  /** The name is set for the text by its environment. */
  has(name: string): boolean;
  get(name: string): ProvidedVariable | undefined;
  readonly variables: ReadonlyMap<string, ProvidedVariable>;
  /** Every variable the environment may set is known: a name `has` denies is surely unset. */
  readonly complete: boolean;
}

/** Docker's predefined build arguments a `RUN` sees without declaring them (when the build sets them). */
const PROXY_ARGS = ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'].flatMap((n) => [n, n.toLowerCase()]);
/** BuildKit's platform arguments: set in a stage only when it declares them (`ARG TARGETARCH`). */
const PLATFORM_ARGS = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];
/** What Docker sets in every build step and container. */
const DOCKER_VARS = ['PATH', 'HOME', 'HOSTNAME'];

const memo = new WeakMap<ShellDocument, ProvidedEnvironment>();

/**
 * The values a rule may take as set before the text runs (a variable whose value has no blank
 * needs no quotes, one set to a path is not empty): a `RUN` body's `ARG`s and `ENV`s, a compose
 * string's `environment:`, `env_file:` and image `ENV`s. Empty for a script: services may start
 * it with values the stack does not show. An undefined value is set, to something unknown.
 */
export function knownValues(ctx: ShellContext): Map<string, string | undefined> {
  if (ctx.run) return runEnvironmentValues(ctx.run.instruction);
  if (!ctx.composeScript) return new Map();
  return new Map([...providedEnvironment(ctx).variables.values()].filter((v) => v.source !== 'docker').map((v) => [v.name, v.value]));
}

/** The variables the environment provides to the text under lint (see the module comment). */
export function providedEnvironment(ctx: ShellContext): ProvidedEnvironment {
  const known = memo.get(ctx.shell);
  if (known) return known;
  const out = ctx.run
    ? runBodyEnvironment(ctx.run.instruction)
    : ctx.composeScript
      ? composeStringEnvironment(ctx.stack, ctx.composeScript.compose.file.path, ctx.composeScript.string.service)
      : serviceScriptEnvironment(ctx.stack, ctx.shell);
  memo.set(ctx.shell, out);
  return out;
}

class Collected implements ProvidedEnvironment {
  readonly variables = new Map<string, ProvidedVariable>();
  complete = true;
  constructor(readonly of: ProvidedEnvironment['of']) {}
  add(v: ProvidedVariable): void {
    // the first source found stays (a RUN's own ARG/ENV before the predefined ones)
    if (!this.variables.has(v.name)) this.variables.set(v.name, v);
  }
  has(name: string): boolean {
    return this.variables.has(name);
  }
  get(name: string): ProvidedVariable | undefined {
    return this.variables.get(name);
  }
}

function runBodyEnvironment(run: DfInstruction): ProvidedEnvironment {
  const out = new Collected('run');
  for (const v of runEnvironment(run).values()) out.add({ name: v.name, source: v.kind === 'ARG' ? 'arg' : 'env', ...(v.value !== undefined ? { value: v.value } : {}) });
  for (const name of PROXY_ARGS) out.add({ name, source: 'predefined-arg' });
  for (const name of PLATFORM_ARGS) out.add({ name, source: 'predefined-arg', declaredOnly: true });
  for (const name of DOCKER_VARS) out.add({ name, source: 'docker' });
  out.complete = builtFromScratch(run.stage);
  return out;
}

/** The stage's chain of `FROM`s ends in `scratch`: no base image adds `ENV`s. */
function builtFromScratch(stage: DfStage | undefined): boolean {
  const seen = new Set<DfStage>();
  for (let s = stage; s && !seen.has(s); s = s.parent) {
    seen.add(s);
    if (!s.parent) return s.resolvedImage.toLowerCase() === 'scratch';
  }
  return false;
}

function composeStringEnvironment(stack: StackModel, composePath: string, serviceName: string): ProvidedEnvironment {
  const out = new Collected('compose');
  const project = stack.composeProjectOf(composePath);
  const service = project && firstServiceNamed(project.services, serviceName);
  if (!project || !service) {
    out.complete = false;
    return out;
  }
  addService(out, stack, project, service, false);
  return out;
}

/** Script → the services (of every environment) that run it: built once per stack, not once per script. */
const usersMemo = new WeakMap<StackModel, Map<ShellDocument, [ComposeProject, ProjectService][]>>();

function scriptUsers(stack: StackModel, script: ShellDocument): readonly [ComposeProject, ProjectService][] {
  let users = usersMemo.get(stack);
  if (!users) {
    users = new Map();
    for (const group of stack.projectGroups()) {
      for (const project of group) {
        for (const service of project.services) {
          for (const s of stack.serviceScripts(service, project)) {
            const list = users.get(s);
            if (list) list.push([project, service]);
            else users.set(s, [[project, service]]);
          }
        }
      }
    }
    usersMemo.set(stack, users);
  }
  return users.get(script) ?? [];
}

function serviceScriptEnvironment(stack: StackModel, script: ShellDocument): ProvidedEnvironment {
  const users = scriptUsers(stack, script);
  if (!users.length) {
    const none = new Collected('none');
    none.complete = false;
    return none;
  }
  const out = new Collected('service-script');
  for (const [project, service] of users) addService(out, stack, project, service, true);
  return out;
}

/** A service's `environment:`, `env_file:`, its image's `ENV`s (and, for a script, the `ARG`s of the image's stage), and Docker's own. */
function addService(out: Collected, stack: StackModel, project: ComposeProject, service: ProjectService, withArgs: boolean): void {
  for (const def of service.definitions) {
    const env = def.node.get('environment');
    if (env?.type === 'map') {
      for (const p of env.pairs) {
        const value = p.value.type === 'scalar' && p.value.value !== null ? staticValue(def.doc, p.value) : undefined;
        // `KEY:` with no value passes the host's KEY on, when it is set there
        if (value === undefined) out.complete = false;
        out.add({ name: p.key, source: 'environment', ...(value !== undefined ? { value } : {}) });
      }
    } else if (env?.type === 'seq') {
      for (const item of env.items) {
        const text = item.type === 'scalar' ? def.doc.valueOf(item) : undefined;
        if (!text) continue;
        const eq = text.indexOf('=');
        if (eq < 0) out.complete = false;
        const value = eq >= 0 && item.type === 'scalar' && !String(item.value).includes('$') ? text.slice(eq + 1) : undefined;
        out.add({ name: eq < 0 ? text : text.slice(0, eq), source: 'environment', ...(value !== undefined ? { value } : {}) });
      }
    } else if (env) out.complete = false;
    for (const ref of envFileRefs(def.doc, def.node.get('env_file'))) {
      const file = def.doc.envFiles.get(def.doc.resolvePath(ref.path));
      if (!file?.exists || file.outside) {
        out.complete = false;
        continue;
      }
      for (const [name, value] of file.vars) out.add({ name, source: 'env-file', value });
    }
  }
  const image = stack.serviceImage(service, project);
  if (!image) {
    out.complete = false; // an image from a registry: its ENVs are not known
  } else {
    for (const stage of [...image.stages].reverse()) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'ENV' && !(withArgs && ins.keyword === 'ARG' && stage === image.stage)) continue;
        for (const [name, value] of declarations(ins)) out.add({ name, source: ins.keyword === 'ENV' ? 'env' : 'arg', ...(value !== undefined ? { value } : {}) });
      }
    }
    if (!builtFromScratch(image.stage)) out.complete = false;
  }
  for (const name of DOCKER_VARS) out.add({ name, source: 'docker' });
}

/** A scalar's value when it is written out, without compose's interpolation (a `${VAR}` is the host's, unknown here). */
function staticValue(doc: { valueOf(n: YNode | undefined): string | undefined }, node: YNode): string | undefined {
  return node.type === 'scalar' && !String(node.value).includes('$') ? doc.valueOf(node) : undefined;
}

function declarations(ins: DfInstruction): [string, string | undefined][] {
  const ast = ins.ast as unknown as { getProperties?: () => { getName(): string; getValue(): string | null }[] };
  if (typeof ast.getProperties !== 'function') return [];
  return ast.getProperties().map((p) => [p.getName(), p.getValue() ?? undefined]);
}
