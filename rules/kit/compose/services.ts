/**
 * What rules ask about a service as a whole: what it inherits through
 * `extends`, whether it has a healthcheck (in compose or in the Dockerfile
 * that builds it), whether it is a one-shot job, what it depends on.
 */
import type { DfStage, DockerfileDocument } from '../../../src/parse/dockerfile/types.js';
import { isMap, isScalar, isSeq, type YMap, type YNode, type YPair, type YScalar } from '../../../src/parse/yaml/nodes.js';
import type { StackModel } from '../../../src/stack/model.js';
import { firstServiceNamed, type ComposeService } from '../../../src/parse/compose/document.js';
import { isReset } from '../../../src/parse/compose/merge.js';
import type { ProjectService } from '../../../src/parse/compose/project.js';
import type { ComposeProject } from '../../../src/parse/compose/project.js';
import { boolOf, certainValue, judge, scalarList, type ComposeView } from '../../../src/parse/compose/values.js';

/** The service `extends` names in the same file; `'external'` when it is in another file; undefined when none. */
export function extendedService(view: ComposeView, service: ComposeService): ComposeService | 'external' | undefined {
  const ext = service.get('extends');
  let name: string | undefined;
  if (isScalar(ext)) name = certainValue(view, ext);
  else if (isMap(ext)) {
    if (ext.get('file') !== undefined) return 'external';
    name = certainValue(view, ext.get('service'));
  }
  if (name === undefined) return undefined;
  return firstServiceNamed(view.services, name) ?? 'external';
}

/**
 * A key's node on the service or, when it is absent, on the services it
 * `extends` in the same file. `'external'` when the chain leaves the file.
 */
export function inherited(view: ComposeView, service: ComposeService, key: string): YNode | 'external' | undefined {
  if (isProjectService(service)) {
    // The merged model has resolved `extends` already; one it could not resolve leaves the answer open.
    const v = service.get(key);
    return v !== undefined ? v : unresolvedExtends(service) ? 'external' : undefined;
  }
  const seen = new Set<ComposeService>();
  let cur: ComposeService | 'external' | undefined = service;
  while (cur && cur !== 'external' && !seen.has(cur)) {
    seen.add(cur);
    const v = cur.get(key);
    if (v !== undefined) return v;
    cur = extendedService(view, cur);
  }
  return cur === 'external' ? 'external' : undefined;
}

/** A service of the merged project model (it knows the mappings it was merged from). */
export function isProjectService(service: ComposeService): service is ProjectService {
  return Array.isArray((service as Partial<ProjectService>).definitions);
}

/**
 * A definition of the service names `extends` and the model could not follow
 * it (a missing, remote or unreadable file, an unknown service, a cycle): what
 * the service inherits is unknown. A resolved `extends` puts the base's
 * definitions right before the one that names it.
 */
export function unresolvedExtends(service: ProjectService): boolean {
  const defs = service.definitions;
  return defs.some((d, i) => d.node.get('extends') !== undefined && !(i > 0 && defs[i - 1]!.via === 'extends'));
}

/**
 * Where a setting the merged service lacks was taken away: the key of the last
 * `key: !reset` on the path (`resetAt(service, 'deploy', 'resources', 'limits')`)
 * in the files it is merged from; undefined when no file removed it (or the
 * service is one file's). A finding about the missing setting belongs there,
 * in the file that caused it.
 */
export function resetAt(service: ComposeService, ...path: string[]): YScalar | undefined {
  if (!isProjectService(service)) return undefined;
  for (let i = service.definitions.length - 1; i >= 0; i--) {
    let node: YNode | undefined = service.definitions[i]!.node;
    let depth = 0;
    for (; depth < path.length; depth++) {
      const pair: YPair | undefined = isMap(node) ? node.pair(path[depth]!) : undefined;
      if (!pair) break;
      if (isReset(pair.value)) return pair.keyNode;
      node = pair.value;
    }
    if (depth === path.length) return undefined; // the latest file that writes it sets it
  }
  return undefined;
}

/**
 * The mapping the service is first written in (the base file's, for a merged
 * service), as written: where a setting missing in every file is best added.
 */
export function firstMapping(service: ComposeService): YMap {
  if (!isProjectService(service)) return service.node;
  return service.definitions.find((d) => d.keyNode === service.keyNode)?.node ?? service.node;
}

export type HealthStatus =
  /** A compose `healthcheck` that is not disabled. */
  | 'compose'
  /** `disable: true` or `test: ["NONE"]`. */
  | 'disabled'
  /** `HEALTHCHECK` in the Dockerfile that builds it. */
  | 'dockerfile'
  /** Built from a Dockerfile we can read that has no `HEALTHCHECK` (or `HEALTHCHECK NONE`). */
  | 'none'
  /** A pulled image (which may declare one), or a Dockerfile outside the run. */
  | 'unknown';

export function healthOf(view: ComposeView, service: ComposeService, stack: StackModel): HealthStatus {
  const hc = inherited(view, service, 'healthcheck');
  if (hc === 'external') return 'unknown';
  if (isMap(hc)) {
    if (boolOf(view, hc.get('disable')) === true) return 'disabled';
    const test = hc.get('test');
    const first = isSeq(test) ? test.items[0] : test;
    if (isScalar(first) && String(first.value).toUpperCase() === 'NONE') return 'disabled';
    return 'compose';
  }
  const built = buildOf(view, service, stack);
  if (built === undefined || built === 'unknown') return 'unknown';
  const hcInstr = dockerfileHealthcheck(built.stage);
  if (hcInstr === undefined) return 'none';
  return hcInstr ? 'dockerfile' : 'none';
}

/** True when the stage (or a stage it is built from) has a `HEALTHCHECK` other than `NONE`; false for `NONE`; undefined for none at all. */
function dockerfileHealthcheck(stage: DfStage | undefined): boolean | undefined {
  for (let s = stage; s; s = s.parent) {
    const hc = [...s.instructions].reverse().find((i) => i.keyword === 'HEALTHCHECK');
    if (hc) return !/^\s*NONE\s*$/i.test(hc.argsText);
  }
  return undefined;
}

export interface Build {
  dockerfile: DockerfileDocument;
  /** The stage `build.target` names, else the final stage. */
  stage: DfStage | undefined;
}

/**
 * The Dockerfile (among the linted files, or read for the build) that builds
 * the service, and the stage; `'unknown'` when it cannot be found; undefined
 * without `build`. Resolved by the stack model (`stack.serviceImage`), on the
 * merged project: the view's own when it is one, else the project the file is
 * linted in.
 */
export function buildOf(view: ComposeView, service: ComposeService, stack: StackModel): Build | 'unknown' | undefined {
  const build = inherited(view, service, 'build');
  if (build === undefined) return undefined;
  if (build === 'external') return 'unknown';
  const project = isProject(view) ? view : stack.composeProjectOf(view.file.path);
  const merged = project?.service(service.name);
  if (!project || !merged || !stack.serviceBuild(merged, project)) return 'unknown';
  const image = stack.serviceImage(merged, project);
  return image ? { dockerfile: image.dockerfile, stage: image.stage } : 'unknown';
}

function isProject(view: ComposeView): view is ComposeView & ComposeProject {
  return typeof (view as Partial<ComposeProject>).directory === 'string' && Array.isArray((view as Partial<ComposeProject>).files);
}

export interface Dependency {
  name: string;
  /** The list item (short form) or the key (long form). */
  node: YScalar;
  /** `service_started` when not written. */
  condition: string;
  conditionNode: YScalar | undefined;
  /** The dependency's own mapping (long form). */
  entry: YMap | undefined;
  listForm: boolean;
}

export function dependenciesOf(view: ComposeView, service: ComposeService): Dependency[] {
  const dep = service.get('depends_on');
  const out: Dependency[] = [];
  if (isSeq(dep)) {
    for (const s of scalarList(dep)) out.push({ name: String(s.value), node: s, condition: 'service_started', conditionNode: undefined, entry: undefined, listForm: true });
  } else if (isMap(dep)) {
    for (const p of dep.pairs) {
      const entry = isMap(p.value) ? p.value : undefined;
      const c = entry?.get('condition');
      out.push({
        name: p.key,
        node: p.keyNode,
        condition: (isScalar(c) ? judge(view, c)?.value : undefined) ?? 'service_started',
        conditionNode: isScalar(c) ? c : undefined,
        entry,
        listForm: false,
      });
    }
  }
  return out;
}

/**
 * A job that runs to completion rather than a long-running service: `restart: "no"`
 * written out, `deploy.restart_policy.condition: none`, or a service others wait
 * on with `condition: service_completed_successfully`.
 */
export function isOneShot(view: ComposeView, service: ComposeService): boolean {
  const restart = certainValue(view, service.get('restart'));
  if (restart !== undefined && restart.trim().toLowerCase() === 'no') return true;
  const policy = service.get('deploy');
  const condition = isMap(policy) && isMap(policy.get('restart_policy')) ? certainValue(view, (policy.get('restart_policy') as YMap).get('condition')) : undefined;
  if (condition === 'none') return true;
  return awaitedToComplete(view).has(service.name);
}

const completedCache = new WeakMap<object, Set<string>>();

/** Services some service waits on with `condition: service_completed_successfully` (computed once per model). */
function awaitedToComplete(view: ComposeView): Set<string> {
  let names = completedCache.get(view);
  if (!names) {
    names = new Set();
    for (const s of view.services) for (const d of dependenciesOf(view, s)) if (d.condition === 'service_completed_successfully') names.add(d.name);
    completedCache.set(view, names);
  }
  return names;
}

/** Replicas from `deploy.replicas` or `scale` (the larger when both are set); undefined when neither is. */
export function replicasOf(view: ComposeView, service: ComposeService): { count: number; node: YNode } | undefined {
  const deploy = service.get('deploy');
  const candidates: YNode[] = [];
  if (isMap(deploy) && deploy.get('replicas') !== undefined) candidates.push(deploy.get('replicas')!);
  if (service.get('scale') !== undefined) candidates.push(service.get('scale')!);
  let best: { count: number; node: YNode } | undefined;
  for (const n of candidates) {
    const v = certainValue(view, n);
    const count = v === undefined ? NaN : Number(v);
    if (Number.isInteger(count) && (!best || count > best.count)) best = { count, node: n };
  }
  return best;
}
