import { defineRule } from '../../src/engine/define.js';
import { mapAt, svc } from '../../src/parse/compose/policy/values.js';
import { isMap } from '../../src/parse/yaml/nodes.js';

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
    const compose = ctx.compose; // merged project view: ctx.project
    for (const service of compose.services) {
      const deploy = service.get('deploy');
      const resources = mapAt(deploy, 'resources');
      const limits = mapAt(resources, 'limits');
      const missing: Limit[] = [];
      for (const limit of ['cpus', 'memory', 'pids'] as const) {
        const modern = limits?.get(limit);
        const legacy = service.get(LEGACY[limit]);
        // Legacy and deploy values that disagree are compose/scale-consistency's.
        if (modern === undefined && legacy === undefined && ctx.options.require.includes(limit)) missing.push(limit);
      }
      if (missing.length) {
        // The deepest of deploy → resources → limits that is written, else the service.
        const at =
          (limits ? resources?.pair('limits')?.keyNode : undefined) ??
          (resources && isMap(deploy) ? deploy.pair('resources')?.keyNode : undefined) ??
          service.node.pair('deploy')?.keyNode ??
          service.keyNode;
        ctx.report({
          node: at,
          message: `${svc(service.name)} sets no ${missing.map((m) => NAMES[m]).join(' and no ')}, so one runaway container can starve the host (set deploy.resources.limits)`,
        });
      }
    }
  },
});
