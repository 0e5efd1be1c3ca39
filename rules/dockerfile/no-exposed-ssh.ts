import { defineRule } from '../kit/index.js';

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/no-exposed-ssh',
    kind: 'dockerfile',
    category: 'security',
    severity: 'warning',
    fix: 'none',
    summary: 'The image does not `EXPOSE` port 22 (SSH)',
    tags: ['security'],
    securitySeverity: 5.3,
  },
  check(ctx) {
    for (const stage of ctx.dockerfile.imageStages) {
      for (const ins of stage.instructions) {
        if (ins.keyword !== 'EXPOSE') continue;
        for (const arg of ins.args) {
          const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(arg.value);
          if (!m || (m[3] && m[3].toLowerCase() !== 'tcp')) continue;
          const from = Number(m[1]);
          const to = m[2] ? Number(m[2]) : from;
          if (from > 22 || to < 22) continue;
          ctx.report({
            node: arg,
            message: `EXPOSE ${arg.value} offers SSH: a container should not run an SSH server; use docker exec (or kubectl exec) to get a shell`,
          });
        }
      }
    }
  },
});
