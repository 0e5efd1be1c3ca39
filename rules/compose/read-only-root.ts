import {
  boolOf,
  dataServiceImages,
  dataServiceOf,
  defineRule,
  inherited,
  isLoopback,
  portsOf,
  rangeText,
  resetAt,
  svc,
} from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/read-only-root',
    kind: 'compose',
    category: 'security',
    severity: 'warning',
    fix: 'none',
    summary: 'Services that take requests from the network run with a read-only root filesystem (`read_only: true`, with `tmpfs` for the paths they write)',
    scope: 'environment',
    recommended: false,
    tags: ['security'],
    securitySeverity: 4.0,
  },
  check(ctx) {
    const { project, report } = ctx;
    const images = dataServiceImages(ctx.settings);
    if (project.partial) return;
    for (const service of project.services) {
      if (inherited(project, service, 'read_only') === 'external' || dataServiceOf(project, service, images)) continue;
      // A fragment whose base is not in evidence: what it runs (a database?) is unknown.
      if (service.get('image') === undefined && service.get('build') === undefined) continue;
      const exposed = portsOf(project, service).filter((p) => p.certain && p.published && !isLoopback(p.hostIp));
      if (!exposed.length || boolOf(project, service.get('read_only')) === true) continue;
      const pair = service.node.pair('read_only');
      report({
        node: pair?.keyNode ?? resetAt(service, 'read_only') ?? service.keyNode,
        message: `${svc(service.name)} takes requests from the network (host port ${rangeText(exposed[0]!.published!)}) with a writable root filesystem, so whoever breaks in can change its programs and files; set read_only: true and give the paths it writes a tmpfs or a volume`,
      });
    }
  },
});
