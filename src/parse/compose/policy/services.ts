/**
 * What rules ask about a service as a whole: what it inherits through
 * `extends`, whether it has a healthcheck (in compose or in the Dockerfile
 * that builds it), whether it is a one-shot job, what it depends on.
 */
import path from 'node:path';
import type { DfStage, DockerfileDocument } from '../../dockerfile/types.js';
import { isMap, isScalar, isSeq, type YMap, type YNode, type YScalar } from '../../yaml/nodes.js';
import type { StackModel } from '../../../stack/model.js';
import type { ComposeService } from '../document.js';
import { boolOf, certainValue, judge, scalarList, type ComposeView } from './values.js';

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
  return view.services.find((s) => s.name === name) ?? 'external'; // extends is rare: a scan is fine
}

/**
 * A key's node on the service or, when it is absent, on the services it
 * `extends` in the same file. `'external'` when the chain leaves the file.
 */
export function inherited(view: ComposeView, service: ComposeService, key: string): YNode | 'external' | undefined {
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

/** The Dockerfile (among the linted files) that builds the service; `'unknown'` when it cannot be found; undefined without `build`. */
export function buildOf(view: ComposeView, service: ComposeService, stack: StackModel): Build | 'unknown' | undefined {
  const build = inherited(view, service, 'build');
  if (build === undefined) return undefined;
  if (build === 'external') return 'unknown';
  let context: string | undefined;
  let dockerfile = 'Dockerfile';
  let target: string | undefined;
  if (isScalar(build)) context = certainValue(view, build);
  else if (isMap(build)) {
    if (build.get('dockerfile_inline') !== undefined) return 'unknown';
    context = build.get('context') === undefined ? '.' : certainValue(view, build.get('context'));
    const df = build.get('dockerfile');
    if (df !== undefined) {
      const v = certainValue(view, df);
      if (v === undefined) return 'unknown';
      dockerfile = v;
    }
    if (build.get('target') !== undefined) {
      target = certainValue(view, build.get('target'));
      if (target === undefined) return 'unknown';
    }
  }
  if (context === undefined || /^[a-z][a-z0-9+.-]*:\/\/|^git@|\.git(#|$)/i.test(context)) return 'unknown';
  const file = path.resolve(baseDir(view), context, dockerfile);
  const doc = stack.dockerfileAt(file);
  if (!doc) return 'unknown';
  const stage = target === undefined ? doc.finalStage : doc.stages.find((s) => s.name === target.toLowerCase());
  if (target !== undefined && !stage) return 'unknown';
  return { dockerfile: doc, stage };
}

/** The folder relative paths resolve against: the project directory of a merged project, else the file's folder. */
function baseDir(view: ComposeView): string {
  const dir = (view as { directory?: unknown }).directory;
  return typeof dir === 'string' ? dir : path.dirname(view.file.path);
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
