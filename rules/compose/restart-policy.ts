import {
  appendToMap,
  checkEnvironments,
  defineRule,
  fixIn,
  inherited,
  isOneShot,
  judge,
  mapAt,
  mayRunInProduction,
  nodeUsers,
  resetAt,
  sharedSafely,
  svc,
  type ProjectService,
} from '../kit/index.js';

const VALID = /^(?:no|always|unless-stopped|on-failure(?::\d+)?)$/;

export default defineRule<'compose', { policy: string }>({
  meta: {
    id: 'compose/restart-policy',
    kind: 'compose',
    category: 'runtime',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'Long-running services set a restart policy so they come back after a crash or a reboot',
    recommended: false,
    options: {
      type: 'object',
      properties: { policy: { enum: ['unless-stopped', 'always', 'on-failure'], default: 'unless-stopped' } },
      additionalProperties: false,
    },
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      const needing = new Set<string>();
      const pending: ProjectService[] = [];
      for (const service of project.services) {
        const restart = inherited(project, service, 'restart');
        if (restart === 'external') continue;
        if (restart !== undefined) {
          const j = judge(project, restart);
          if (j?.certain && !VALID.test(j.value.trim())) {
            report({
              node: restart,
              message: `${svc(service.name)} has restart "${j.value}", which is not one of "no", "always", "on-failure[:N]" or "unless-stopped"`,
            });
          }
          continue;
        }
        const deploy = inherited(project, service, 'deploy');
        if (deploy === 'external' || mapAt(deploy, 'restart_policy')) continue;
        // A file of the project could not be read: it may set the policy.
        if (project.partial || isOneShot(project, service)) continue;
        needing.add(service.name);
        pending.push(service);
      }
      const users = pending.length ? nodeUsers(project.services) : new Map();
      for (const service of pending) {
        // Removed by a later file (`restart: !reset`): reported there, and not fixed by writing it again.
        const removed = resetAt(service, 'restart') ?? resetAt(service, 'deploy', 'restart_policy');
        const edit =
          !removed && sharedSafely(users, service.node, needing)
            ? appendToMap(ctx.file, service.node, () => [`restart: ${ctx.options.policy}`], service.keyNode)
            : undefined;
        report({
          node: removed ?? service.keyNode,
          message: `${svc(service.name)} sets no restart policy, so it stays down after a crash or a Docker restart`,
          ...(edit ? { fix: fixIn(service.node, `add restart: ${ctx.options.policy}`, [edit]) } : {}),
        });
      }
    }, ['compose/restart-policy', ctx.options, ctx.settings], (env) => mayRunInProduction(env, ctx.settings));
  },
});
