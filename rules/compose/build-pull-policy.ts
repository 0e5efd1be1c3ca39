import { defineRule } from '../../src/engine/define.js';
import { svc } from '../../src/parse/compose/policy/values.js';

export default defineRule<'compose', { allowWithPullPolicy: boolean }>({
  meta: {
    id: 'compose/build-pull-policy',
    kind: 'compose',
    category: 'images',
    severity: 'warning',
    fix: 'none',
    summary: 'A service with both `build` and `image` sets `pull_policy`, so Compose does not pull a same-named image instead of building',
    options: {
      type: 'object',
      properties: { allowWithPullPolicy: { type: 'boolean', default: true } },
      additionalProperties: false,
    },
    compat: { dclint: ['no-build-and-image'] },
  },
  check(ctx) {
    const compose = ctx.compose; // merged project view: ctx.project
    for (const service of compose.services) {
      const image = service.node.pair('image');
      if (!image || service.get('build') === undefined) continue;
      if (ctx.options.allowWithPullPolicy && service.get('pull_policy') !== undefined) continue;
      ctx.report({
        node: image.keyNode,
        message: ctx.options.allowWithPullPolicy
          ? `${svc(service.name)} sets both build and image without pull_policy, so Compose first tries to pull "${String(image.value.type === 'scalar' ? image.value.value : '')}" and builds only when that fails; set pull_policy: build (or never, missing)`
          : `${svc(service.name)} sets both build and image; keep one of them`,
      });
    }
  },
});
