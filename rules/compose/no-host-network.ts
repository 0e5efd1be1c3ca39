import { certainValue, checkEnvironments, defineRule, svc, type YNode } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/no-host-network',
    kind: 'compose',
    category: 'network',
    severity: 'warning',
    fix: 'none',
    summary: 'Services do not use `network_mode: host`, which bypasses network isolation',
    compat: { kics: ['shared-host-network-namespace', 'network-mode-host-exists'] },
    tags: ['security'],
    securitySeverity: 6.0,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      const seen = new Set<YNode>();
      for (const service of project.services) {
        const mode = service.get('network_mode');
        if (certainValue(project, mode)?.trim() !== 'host' || seen.has(mode!)) continue;
        seen.add(mode!);
        report({
          node: mode!,
          message: `${svc(service.name)} uses network_mode: host: it shares the host's network stack, every port it opens is open on the host and ports/networks no longer apply; publish the ports it needs instead`,
        });
      }
    }, ['compose/no-host-network', ctx.options, ctx.settings]);
  },
});
