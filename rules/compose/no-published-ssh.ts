import { checkEnvironments, dataServiceOf, defineRule, portNode, portsOf, rangeText, svc, type YNode } from '../kit/index.js';

/** Images whose job is to serve SSH (git hosting, SFTP, an SSH gateway): publishing 22 is their point. */
const SSH_SERVERS = ['gitea', 'forgejo', 'gogs', 'gitlab-ce', 'gitlab-ee', 'onedev', 'soft-serve', 'openssh-server', 'sftp', 'sshd'];

export default defineRule<'compose', { allowImages: string[] }>({
  meta: {
    id: 'compose/no-published-ssh',
    kind: 'compose',
    category: 'security',
    severity: 'warning',
    fix: 'none',
    summary: 'Services do not publish container port 22 (SSH)',
    options: {
      type: 'object',
      properties: { allowImages: { type: 'array', items: { type: 'string' }, default: SSH_SERVERS } },
      additionalProperties: false,
    },
    tags: ['security'],
    securitySeverity: 5.3,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      const seen = new Set<YNode>();
      for (const service of project.services) {
        if (dataServiceOf(project, service, ctx.options.allowImages)) continue;
        for (const port of portsOf(project, service)) {
          const t = port.target;
          if (!port.certain || !t || t.start > 22 || t.end < 22 || port.protocol !== 'tcp' || seen.has(port.node)) continue;
          seen.add(port.node);
          const published = port.published ? `host port ${rangeText(port.published)}` : 'a host port Docker picks';
          report({
            node: portNode(port),
            message: `${svc(service.name)} publishes container port 22 (SSH) on ${published}: a container should not run an SSH server; use docker compose exec to get a shell`,
          });
        }
      }
    }, ['compose/no-published-ssh', ctx.options]);
  },
});
