import { checkEnvironments, defineRule, portNode, portsOf, rangeText, svc, type YNode } from '../kit/index.js';

export default defineRule<'compose', { allow: number[] }>({
  meta: {
    id: 'compose/privileged-host-ports',
    kind: 'compose',
    category: 'network',
    severity: 'info',
    fix: 'none',
    summary: 'Services publish no privileged host port (below 1024) other than the allowed ones',
    options: {
      type: 'object',
      properties: { allow: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 1023 }, default: [80, 443] } },
      additionalProperties: false,
    },
    compat: { kics: ['privileged-ports-mapped-in-container'] },
    recommended: false,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      const seen = new Set<YNode>();
      for (const service of project.services) {
        for (const port of portsOf(project, service)) {
          const p = port.published;
          if (!port.certain || !p || p.start >= 1024 || seen.has(port.node)) continue;
          if (p.start === p.end && ctx.options.allow.includes(p.start)) continue;
          seen.add(port.node);
          report({
            node: portNode(port),
            message: `${svc(service.name)} publishes privileged host port ${rangeText(p)}, which needs root (or CAP_NET_BIND_SERVICE) on the host side; publish a port of 1024 or above, or allow this one in the rule's options`,
          });
        }
      }
    }, ['compose/privileged-host-ports', ctx.options, ctx.settings]);
  },
});
