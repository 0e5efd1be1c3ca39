import { defineRule } from '../../src/engine/define.js';
import { appendToMap, fixIn, nodeUsers, sharedSafely } from '../../src/parse/compose/policy/edits.js';
import { inherited, isOneShot } from '../../src/parse/compose/policy/services.js';
import { judge, mapAt, svc } from '../../src/parse/compose/policy/values.js';

const VALID = /^(?:no|always|unless-stopped|on-failure(?::\d+)?)$/;

export default defineRule<'compose', { policy: string }>({
  meta: {
    id: 'compose/restart-policy',
    kind: 'compose',
    category: 'runtime',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'Long-running services set a restart policy so they come back after a crash or a reboot',
    options: {
      type: 'object',
      properties: { policy: { enum: ['unless-stopped', 'always', 'on-failure'], default: 'unless-stopped' } },
      additionalProperties: false,
    },
  },
  check(ctx) {
    const compose = ctx.compose; // merged project view: ctx.project
    const users = nodeUsers(compose.services);
    const needing = new Set<string>();
    const pending: { service: (typeof compose.services)[number] }[] = [];
    for (const service of compose.services) {
      const restart = inherited(compose, service, 'restart');
      if (restart === 'external') continue;
      if (restart !== undefined) {
        const j = judge(compose, restart);
        if (j?.certain && !VALID.test(j.value.trim())) {
          ctx.report({
            node: restart,
            message: `${svc(service.name)} has restart "${j.value}", which is not one of "no", "always", "on-failure[:N]" or "unless-stopped"`,
          });
        }
        continue;
      }
      const deploy = inherited(compose, service, 'deploy');
      if (deploy === 'external' || mapAt(deploy, 'restart_policy')) continue;
      if (isOneShot(compose, service)) continue;
      needing.add(service.name);
      pending.push({ service });
    }
    for (const { service } of pending) {
      const edit = sharedSafely(users, service.node, needing)
        ? appendToMap(ctx.file, service.node, () => [`restart: ${ctx.options.policy}`], service.keyNode)
        : undefined;
      ctx.report({
        node: service.keyNode,
        message: `${svc(service.name)} sets no restart policy, so it stays down after a crash or a Docker restart`,
        ...(edit ? { fix: fixIn(service.node, `add restart: ${ctx.options.policy}`, [edit]) } : {}),
      });
    }
  },
});
