import { checkEnvironments, defineRule, isEngineSocket, mountsOf, svc, type YNode } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/no-docker-socket',
    kind: 'compose',
    category: 'security',
    severity: 'error',
    fix: 'none',
    summary: 'Services do not mount the Docker (or another container engine) socket',
    compat: { kics: ['docker-socket-mounted-in-container'] },
    tags: ['security'],
    securitySeverity: 9.0,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      const seen = new Set<YNode>();
      for (const service of project.services) {
        for (const m of mountsOf(project, service)) {
          if (m.kind !== 'bind' || !m.source || !isEngineSocket(m.source) || seen.has(m.node)) continue;
          seen.add(m.node);
          report({
            node: m.long ? (m.sourceNode ?? m.node) : m.node,
            message: `${svc(service.name)} mounts the container engine socket ${m.source}${m.readOnly ? ' (read-only does not help)' : ''}, which gives it control of every container and root on the host; if it is needed, suppress this finding with a comment that says why`,
          });
        }
      }
    }, ['compose/no-docker-socket', ctx.options, ctx.settings]);
  },
});
