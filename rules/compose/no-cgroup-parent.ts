import { checkEnvironments, defineRule, judge, svc } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/no-cgroup-parent',
    kind: 'compose',
    category: 'security',
    severity: 'info',
    fix: 'none',
    summary: 'Services stay in Docker\'s own cgroup (no `cgroup_parent`)',
    compat: { kics: ['cgroup-not-default'] },
    // Low: another cgroup changes resource accounting and limits, not isolation.
    securitySeverity: 2.0,
    recommended: false,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      for (const service of project.services) {
        const node = service.get('cgroup_parent');
        if (!node || (node.type === 'scalar' && node.value === null)) continue;
        report({
          node,
          message: `${svc(service.name)} sets cgroup_parent${node.type === 'scalar' ? ` "${judge(project, node)?.value ?? ''}"` : ''}, placing it outside the cgroup Docker creates for containers, so the limits and accounting set up for containers may not apply to it`,
        });
      }
    }, ['compose/no-cgroup-parent', ctx.options, ctx.settings]);
  },
});
