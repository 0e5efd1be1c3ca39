import {
  checkEnvironments,
  dataServicesOf,
  defineRule,
  isInternalNetwork,
  mayRunInProduction,
  networksOf,
  portNode,
  portsOf,
  rangeText,
  svc,
} from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/internal-network',
    kind: 'compose',
    category: 'network',
    severity: 'warning',
    fix: 'none',
    summary: 'Data services are reachable only inside the stack: on internal networks, or at least publishing no port',
    recommended: false,
    tags: ['security'],
    securitySeverity: 5.0,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      // A file of the project could not be read: what it sets is unknown.
      if (project.partial) return;
      for (const { service, data } of dataServicesOf(project, ctx.settings)) {
        const ports = portsOf(project, service);
        if (!ports.length) continue;
        const networks = networksOf(project, service);
        if (!networks) continue; // network_mode: compose/no-host-network looks at host
        const open = networks.filter((n) => !isInternalNetwork(project, n));
        if (!open.length) continue;
        const first = ports[0]!;
        const port = first.published ? rangeText(first.published) : first.target ? `${rangeText(first.target)} (on a random host port)` : 'a port';
        report({
          node: portNode(first),
          message: `${svc(service.name)} runs ${data.family} and publishes ${port} while on ${open.map((n) => `"${n}"`).join(', ')}, which ${open.length === 1 ? 'is' : 'are'} not internal; attach it only to internal: true networks and let other services reach it there (use expose, not ports)`,
        });
      }
    }, ['compose/internal-network', ctx.options, ctx.settings], (env) => mayRunInProduction(env, ctx.settings));
  },
});
