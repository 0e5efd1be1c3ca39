import { certainValue, checkEnvironments, defineRule, svc, type YNode } from '../kit/index.js';

/** Keys that share one of the host's namespaces with `host`, and what that gives away. */
const NAMESPACES: readonly [string, string][] = [
  ['pid', "sees and can signal every process on the host"],
  ['ipc', "shares the host's shared memory and message queues"],
  ['userns_mode', 'opts out of user-namespace remapping, so root in the container is root on the host'],
  ['uts', "can change the host's hostname"],
  ['cgroup', "sees the host's cgroup tree"],
];

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/no-host-namespaces',
    kind: 'compose',
    category: 'security',
    severity: 'warning',
    fix: 'none',
    summary: 'Services do not share the host\'s PID, IPC, user, UTS or cgroup namespace',
    compat: {
      kics: ['host-namespace-is-shared', 'shared-host-ipc-namespace', 'ipc-set-to-host', 'shared-host-user-namespace', 'userns-set-to-host'],
    },
    tags: ['security'],
    securitySeverity: 7.0,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      const seen = new Set<YNode>();
      for (const service of project.services) {
        for (const [key, why] of NAMESPACES) {
          const node = service.get(key);
          if (certainValue(project, node)?.trim() !== 'host' || seen.has(node!)) continue;
          seen.add(node!);
          report({ node: node!, message: `${svc(service.name)} sets ${key}: host and ${why}` });
        }
      }
    }, ['compose/no-host-namespaces', ctx.options, ctx.settings]);
  },
});
