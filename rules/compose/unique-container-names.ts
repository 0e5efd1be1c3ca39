import { defineRule } from '../../src/engine/define.js';
import { certainValue, svc } from '../../src/parse/compose/policy/values.js';
import type { YNode } from '../../src/parse/yaml/nodes.js';

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
    const compose = ctx.compose; // merged project view: ctx.project
    const first = new Map<string, { service: string; node: YNode }>();
    for (const service of compose.services) {
      const node = service.get('container_name');
      const name = certainValue(compose, node);
      if (!node || name === undefined || name === '') continue;
      const before = first.get(name);
      if (!before) {
        first.set(name, { service: service.name, node });
        continue;
      }
      const line = before.node.file.lines.position(before.node.start).line;
      ctx.report({
        node,
        message: `${svc(service.name)} sets container_name "${name}", which ${svc(before.service)} already uses (line ${line}); Docker refuses to create the second container`,
      });
    }
  },
});
