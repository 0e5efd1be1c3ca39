import {
  defineRule,
  didYouMean,
  isMap,
  isScalar,
  isSeq,
  namedEntries,
  relativeTo,
  splitVolume,
  suggest,
  type ComposeContext,
  type ComposeProject,
  type ProjectService,
  type YNode,
} from '../kit/index.js';

type Report = ComposeContext['report'];

interface Edge {
  from: ProjectService;
  to: string;
  node: YNode;
}

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/references',
    kind: 'compose',
    category: 'correctness',
    severity: 'error',
    fix: 'none',
    summary: 'Networks, volumes, secrets, configs and services that services refer to exist, and `depends_on` has no cycle',
    scope: 'environment',
  },
  check(ctx) {
    const { project, report } = ctx;
    loadingProblems(project, report);
    if (project.partial) return;
    const edges: Edge[] = [];
    for (const service of project.services) {
      resources(project, service, report);
      edges.push(...serviceRefs(project, service, report));
    }
    cycles(project, edges, report);
  },
});

function certain(project: ComposeProject, node: YNode): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  if (typeof node.value === 'string' && node.value.includes('$')) {
    const r = project.interpolate(node);
    if (r.unset.length || r.errors.length || r.required.length) return undefined;
    return r.value;
  }
  return String(node.value);
}

/** What loading the project found: `extends` that cannot be followed, files `COMPOSE_FILE` names that are not there. */
function loadingProblems(project: ComposeProject, report: Report): void {
  for (const p of project.problems) {
    const rel = (abs: string) => relativeTo(p.node, abs);
    if (p.kind === 'extends-file-missing') report({ node: p.node, message: `extends names the file "${rel(p.path)}", which does not exist` });
    else if (p.kind === 'extends-file-invalid') report({ node: p.node, message: `extends names the file "${rel(p.path)}", which cannot be read as a compose file` });
    else if (p.kind === 'extends-service-missing') {
      const where = p.file ? `in ${rel(p.file)}` : 'in this file';
      report({ node: p.node, message: `extends names the service "${p.service}", which is not defined ${where}${p.candidates.length ? didYouMean(p.service, p.candidates) : ''}` });
    } else if (p.kind === 'extends-cycle') report({ node: p.node, message: `extends forms a cycle: ${p.chain.join(' → ')}` });
    // Reported in the `.env` that names the file, at the name.
    else if (p.kind === 'compose-file-missing') {
      report({ node: p.node, message: `COMPOSE_FILE names "${rel(p.path)}", which does not exist; docker compose run in this folder fails` });
    } else if (p.kind === 'compose-file-invalid') {
      report({ node: p.node, message: `COMPOSE_FILE names "${rel(p.path)}", which cannot be read as a compose file; docker compose run in this folder fails` });
    }
  }
}

/** Top-level networks, volumes, secrets and configs a service uses are declared. */
function resources(project: ComposeProject, service: ProjectService, report: Report): void {
  const declared = (section: string, name: string) => project.section(section)?.pair(name) !== undefined;
  const missing = (section: string, what: string, name: string, node: YNode) =>
    report({ node, message: `service "${service.name}" uses ${what} "${name}", which is not declared under the top-level "${section}"` });

  const networks = service.get('networks');
  for (const n of namedEntries(networks)) {
    const name = isSeq(networks) ? certain(project, n.node) : n.name;
    if (name && name !== 'default' && !declared('networks', name)) missing('networks', 'network', name, n.node);
  }
  const volumes = service.get('volumes');
  if (isSeq(volumes)) {
    for (const v of volumes.items) {
      let source: string | undefined;
      let node: YNode = v;
      if (isMap(v)) {
        const type = certain(project, v.get('type') ?? v);
        const src = v.get('source');
        if (type === 'volume' && src) {
          source = certain(project, src);
          node = src;
        }
      } else {
        const text = certain(project, v);
        const src = text === undefined ? undefined : splitVolume(text).source;
        if (src && isVolumeName(src)) source = src;
      }
      if (source && !declared('volumes', source)) missing('volumes', 'volume', source, node);
    }
  }
  for (const kind of ['secrets', 'configs'] as const) {
    const build = service.get('build');
    const lists = kind === 'secrets' && isMap(build) ? [service.get(kind), build.get('secrets')] : [service.get(kind)];
    for (const list of lists) {
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        const node = isMap(item) ? item.get('source') : item;
        const name = node ? certain(project, node) : undefined;
        if (node && name && !declared(kind, name)) missing(kind, kind === 'secrets' ? 'secret' : 'config', name, node);
      }
    }
  }
}

/** A named volume, not a host path (`./data`, `/srv`, `~/x`, `C:\\x`). */
function isVolumeName(source: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(source);
}

/** Services named by `depends_on`, `links`, `volumes_from` and `service:` modes exist (and run); the edges they make. */
function serviceRefs(project: ComposeProject, service: ProjectService, report: Report): Edge[] {
  const edges: Edge[] = [];
  const exists = (name: string) => project.service(name);
  const unknown = (how: string, name: string, node: YNode) =>
    report({ node, message: `service "${service.name}" ${how} "${name}", which is not a service of this project${suggestion(project, name)}` });

  const depends = service.get('depends_on');
  for (const d of namedEntries(depends)) {
    const name = isSeq(depends) ? certain(project, d.node) : d.name;
    if (!name) continue;
    const required = !(isMap(d.value) && isScalar(d.value.get('required')) && (d.value.get('required') as { value: unknown }).value === false);
    const target = exists(name);
    if (!target) {
      if (required) unknown('depends on', name, d.node);
      continue;
    }
    if (name !== service.name && required) profileCheck(project, service, target, d.node, report);
    edges.push({ from: service, to: name, node: d.node });
  }
  const links = service.get('links');
  if (isSeq(links)) {
    for (const l of links.items) {
      const name = certain(project, l)?.split(':')[0];
      if (!name) continue;
      if (!exists(name)) unknown('links to', name, l);
      else edges.push({ from: service, to: name, node: l });
    }
  }
  const volumesFrom = service.get('volumes_from');
  if (isSeq(volumesFrom)) {
    for (const v of volumesFrom.items) {
      const text = certain(project, v);
      if (!text || text.startsWith('container:')) continue;
      const name = text.replace(/^service:/, '').split(':')[0]!;
      if (!exists(name)) unknown('takes volumes from', name, v);
      else edges.push({ from: service, to: name, node: v });
    }
  }
  for (const key of ['network_mode', 'ipc', 'pid']) {
    const node = service.get(key);
    const text = node ? certain(project, node) : undefined;
    if (!node || !text?.startsWith('service:')) continue;
    const name = text.slice('service:'.length);
    if (!exists(name)) unknown(`shares the ${key === 'network_mode' ? 'network' : key} namespace of`, name, node);
    else edges.push({ from: service, to: name, node });
  }
  return edges;
}

function suggestion(project: ComposeProject, name: string): string {
  const near = suggest(name, project.services.map((s) => s.name));
  return near && near !== name ? `; did you mean "${near}"?` : '';
}

/**
 * A service that runs without a profile cannot depend on one that needs a profile it does not have
 * (unless `COMPOSE_PROFILES` in the `.env` enables that profile for every run).
 */
function profileCheck(project: ComposeProject, service: ProjectService, target: ProjectService, node: YNode, report: Report): void {
  if (!target.profiles.length) return;
  const active = project.activeProfiles;
  if (active.includes('*') || target.profiles.some((p) => active.includes(p))) return;
  const needs = target.profiles.map((p) => `"${p}"`).join(' or ');
  if (!service.profiles.length) {
    report({
      node,
      message: `service "${service.name}" always runs but depends on "${target.name}", which only runs with profile ${needs}; compose fails unless that profile is enabled (or mark the dependency "required: false")`,
    });
  } else if (!service.profiles.some((p) => target.profiles.includes(p))) {
    report({
      node,
      message: `service "${service.name}" (profiles ${service.profiles.map((p) => `"${p}"`).join(', ')}) depends on "${target.name}", which only runs with profile ${needs}; no profile enables both`,
    });
  }
}

/** Each dependency cycle once, at the edge that closes it (in service order). */
function cycles(project: ComposeProject, edges: readonly Edge[], report: Report): void {
  const out = new Map<string, Edge[]>();
  for (const e of edges) {
    const list = out.get(e.from.name);
    if (list) list.push(e);
    else out.set(e.from.name, [e]);
  }
  const state = new Map<string, 'active' | 'done'>();
  const stack: Edge[] = [];
  const seen = new Set<string>();
  const visit = (name: string): void => {
    state.set(name, 'active');
    for (const e of out.get(name) ?? []) {
      const s = state.get(e.to);
      if (s === 'active') {
        const start = stack.findIndex((x) => x.from.name === e.to);
        const loop = [...(start >= 0 ? stack.slice(start) : []), e];
        const members = loop.map((x) => x.from.name);
        const key = [...members].sort().join('\u0000');
        if (seen.has(key)) continue;
        seen.add(key);
        const chain = [...members, e.to].map((n) => `"${n}"`).join(' → ');
        report({
          node: e.node,
          message: members.length === 1 ? `service "${e.from.name}" depends on itself` : `services depend on each other in a cycle (${chain}); compose cannot decide which to start first`,
        });
      } else if (!s) {
        stack.push(e);
        visit(e.to);
        stack.pop();
      }
    }
    state.set(name, 'done');
  };
  for (const s of project.services) if (!state.has(s.name)) visit(s.name);
}
