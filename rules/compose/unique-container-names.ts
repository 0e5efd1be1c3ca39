import { certainValue, checkEnvironments, defineRule, locate, svc, type YNode } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/unique-container-names',
    kind: 'compose',
    category: 'runtime',
    severity: 'error',
    fix: 'none',
    summary: 'No two services set the same `container_name`',
    compat: { dclint: ['no-duplicate-container-names'] },
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      const first = new Map<string, { service: string; node: YNode }>();
      for (const service of project.services) {
        const node = service.get('container_name');
        const name = certainValue(project, node);
        if (!node || name === undefined || name === '') continue;
        const before = first.get(name);
        if (!before) {
          first.set(name, { service: service.name, node });
          continue;
        }
        report({
          node,
          message: `${svc(service.name)} sets container_name "${name}", which ${svc(before.service)} already uses (${locate(before.node, node)}); Docker refuses to create the second container`,
        });
      }
    }, ['compose/unique-container-names', ctx.options, ctx.settings]);
  },
});
