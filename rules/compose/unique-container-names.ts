import { canRunTogether, certainValue, defineRule, locate, svc, type ComposeService, type YNode } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/unique-container-names',
    kind: 'compose',
    category: 'runtime',
    severity: 'error',
    fix: 'none',
    summary: 'No two services set the same `container_name`',
    scope: 'environment',
    compat: { dclint: ['no-duplicate-container-names'] },
  },
  check(ctx) {
    const { project, report } = ctx;
    const earlier = new Map<string, { service: ComposeService; node: YNode }[]>();
    for (const service of project.services) {
      const node = service.get('container_name');
      const name = certainValue(project, node);
      if (!node || name === undefined || name === '') continue;
      const uses = earlier.get(name) ?? earlier.set(name, []).get(name)!;
      // Services in profiles that are never enabled together never run at once, so they may share a name.
      const before = uses.find((u) => canRunTogether(project, u.service, service));
      uses.push({ service, node });
      if (!before) continue;
      report({
        node,
        message: `${svc(service.name)} sets container_name "${name}", which ${svc(before.service.name)} already uses (${locate(before.node, node)}); Docker refuses to create the second container`,
      });
    }
  },
});
