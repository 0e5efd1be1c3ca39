import { certainValue, checkEnvironments, defineRule, mapAt, mountsOf, sensitiveHostDirectory, svc, type YNode } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/sensitive-host-mounts',
    kind: 'compose',
    category: 'security',
    severity: 'warning',
    fix: 'none',
    summary: 'Services do not bind-mount the host\'s system directories (/, /etc, /proc, /sys, /root, /var/lib/docker…)',
    compat: { kics: ['volume-has-sensitive-host-directory'] },
    tags: ['security'],
    securitySeverity: 7.0,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      const seen = new Set<YNode>();
      for (const service of project.services) {
        for (const m of mountsOf(project, service)) {
          if (m.kind !== 'bind' || !m.source || !m.certain || seen.has(m.node)) continue;
          const dir = sensitiveHostDirectory(m.source);
          if (!dir) continue;
          seen.add(m.node);
          report({
            node: m.long ? (m.sourceNode ?? m.node) : m.node,
            message: `${svc(service.name)} mounts the host's ${dir}${m.readOnly ? ' (even read-only it exposes host secrets and state)' : ''}; mount only the files the service needs`,
          });
        }
      }
      // Named volumes that are bind mounts in disguise (driver_opts: { o: bind, device: /etc }).
      for (const pair of project.section('volumes')?.pairs ?? []) {
        const opts = mapAt(pair.value, 'driver_opts');
        const device = opts?.get('device');
        const path = certainValue(project, device);
        const dir = path === undefined ? undefined : sensitiveHostDirectory(path);
        if (!dir) continue;
        report({ node: device!, message: `volume "${pair.key}" binds the host's ${dir}; every service that mounts it sees that directory` });
      }
    }, ['compose/sensitive-host-mounts', ctx.options, ctx.settings]);
  },
});
