import {
  checkEnvironments,
  defineRule,
  isMap,
  isScalar,
  isSeq,
  laterOf,
  mountTarget,
  relativeTo,
  volumeTarget,
  type ComposeProject,
  type YNode,
} from '../kit/index.js';

interface Mount {
  target: string;
  node: YNode;
  what: string;
}

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/mount-targets',
    kind: 'compose',
    category: 'correctness',
    severity: 'error',
    fix: 'none',
    summary: 'No two mounts of a service (volumes, tmpfs, secrets, configs) share a container path',
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      for (const service of project.services) {
        const first = new Map<string, Mount>();
        for (const m of mounts(project, service.node)) {
          const prev = first.get(m.target);
          if (!prev) {
            first.set(m.target, m);
            continue;
          }
          const [later, earlier] = laterOf(project, prev.node, m.node) === m.node ? [m, prev] : [prev, m];
          const line = earlier.node.file.lines.position(earlier.node.start).line;
          const at = earlier.node.file.path === later.node.file.path ? `line ${line}` : `${relativeTo(later.node, earlier.node.file.path)}:${line}`;
          report({
            node: later.node,
            message: `service "${service.name}" mounts ${later.what} at ${m.target}, where ${earlier.what} is already mounted (${at}); Docker refuses two mounts at one path`,
          });
        }
      }
    });
  },
});

function mounts(project: ComposeProject, service: YNode): Mount[] {
  if (!isMap(service)) return [];
  const out: Mount[] = [];
  const norm = (t: string) => (t.length > 1 ? t.replace(/\/+$/, '') : t);
  const certain = (n: YNode): boolean => {
    if (!isScalar(n)) return isMap(n) ? [n.get('target'), n.get('source')].every((x) => !x || certain(x)) : true;
    if (typeof n.value !== 'string' || !n.value.includes('$')) return true;
    const r = project.interpolate(n);
    return !r.unset.length && !r.errors.length && !r.required.length;
  };
  const volumes = service.get('volumes');
  if (isSeq(volumes)) {
    for (const v of volumes.items) {
      const t = certain(v) ? volumeTarget(v, project.valueOf) : undefined;
      if (t) out.push({ target: norm(t), node: v, what: 'a volume' });
    }
  }
  const tmpfs = service.get('tmpfs');
  for (const t of isSeq(tmpfs) ? tmpfs.items : tmpfs ? [tmpfs] : []) {
    const text = isScalar(t) && certain(t) ? project.valueOf(t) : undefined;
    if (text) out.push({ target: norm(text.split(':')[0]!), node: t, what: 'a tmpfs' });
  }
  for (const kind of ['secrets', 'configs'] as const) {
    const list = service.get(kind);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      const t = certain(item) ? mountTarget(item, kind, project.valueOf) : undefined;
      if (t) out.push({ target: norm(t), node: item, what: kind === 'secrets' ? 'a secret' : 'a config' });
    }
  }
  return out;
}
