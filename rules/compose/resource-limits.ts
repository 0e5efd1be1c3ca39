import { checkEnvironments, defineRule, firstMapping, inherited, isMap, mapAt, mayRunInProduction, resetAt, svc } from '../kit/index.js';

type Limit = 'cpus' | 'memory' | 'pids';

/** The legacy service-level key for each `deploy.resources.limits` key. */
const LEGACY: Record<Limit, string> = { cpus: 'cpus', memory: 'mem_limit', pids: 'pids_limit' };
const NAMES: Record<Limit, string> = { cpus: 'CPU limit', memory: 'memory limit', pids: 'process (pids) limit' };

export default defineRule<'compose', { require: Limit[] }>({
  meta: {
    id: 'compose/resource-limits',
    kind: 'compose',
    category: 'resources',
    severity: 'warning',
    fix: 'none',
    summary: 'Services cap their memory and CPU (and, optionally, their number of processes)',
    // Limits depend on the host that runs the stack: a compose file shipped for others to run cannot know them.
    recommended: false,
    options: {
      type: 'object',
      properties: {
        require: {
          type: 'array',
          items: { enum: ['cpus', 'memory', 'pids'] },
          uniqueItems: true,
          default: ['cpus', 'memory'],
        },
      },
      additionalProperties: false,
    },
    compat: { kics: ['memory-not-limited', 'cpus-not-limited', 'pids-limit-not-set'] },
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      // A file of the project could not be read: it may set the limits.
      if (project.partial) return;
      for (const service of project.services) {
        // An `extends` the model could not follow may set them.
        if (inherited(project, service, 'deploy') === 'external') continue;
        const limits = mapAt(service.get('deploy'), 'resources', 'limits');
        const missing: Limit[] = [];
        for (const limit of ['cpus', 'memory', 'pids'] as const) {
          const modern = limits?.get(limit);
          const legacy = service.get(LEGACY[limit]);
          // Legacy and deploy values that disagree are compose/scale-consistency's.
          if (modern === undefined && legacy === undefined && ctx.options.require.includes(limit)) missing.push(limit);
        }
        if (missing.length) {
          // Where a later file removed them (`limits: !reset`), else the deepest of deploy → resources → limits
          // that the service's first mapping (the base file's) writes, else the service.
          const own = firstMapping(service);
          const ownDeploy = own.get('deploy');
          const ownResources = mapAt(ownDeploy, 'resources');
          const at =
            missing.map((m) => resetAt(service, 'deploy', 'resources', 'limits', m) ?? resetAt(service, LEGACY[m])).find((n) => n !== undefined) ??
            (mapAt(ownResources, 'limits') ? ownResources?.pair('limits')?.keyNode : undefined) ??
            (ownResources && isMap(ownDeploy) ? ownDeploy.pair('resources')?.keyNode : undefined) ??
            own.pair('deploy')?.keyNode ??
            service.keyNode;
          report({
            node: at,
            message: `${svc(service.name)} sets no ${missing.map((m) => NAMES[m]).join(' and no ')}, so one runaway container can starve the host (set deploy.resources.limits)`,
          });
        }
      }
    }, ['compose/resource-limits', ctx.options, ctx.settings], (env) => mayRunInProduction(env, ctx.settings));
  },
});
