import { checkEnvironments, defineRule, inherited, svc } from '../kit/index.js';

export default defineRule<'compose', { allowWithPullPolicy: boolean }>({
  meta: {
    id: 'compose/build-pull-policy',
    kind: 'compose',
    category: 'images',
    severity: 'warning',
    fix: 'none',
    summary: 'A service with both `build` and `image` sets `pull_policy`, so Compose does not pull a same-named image instead of building',
    recommended: false,
    options: {
      type: 'object',
      properties: { allowWithPullPolicy: { type: 'boolean', default: true } },
      additionalProperties: false,
    },
    compat: { dclint: ['no-build-and-image'] },
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      // A file of the project could not be read: what it sets is unknown.
      if (project.partial) return;
      for (const service of project.services) {
        const image = service.node.pair('image');
        if (!image || service.get('build') === undefined) continue;
        if (ctx.options.allowWithPullPolicy && inherited(project, service, 'pull_policy') !== undefined) continue;
        // At image, or at build when a later file adds the build to an image the base pulls.
        const build = service.node.pair('build')!.keyNode;
        report({
          node: project.layerOf(build) > project.layerOf(image.keyNode) ? build : image.keyNode,
          message: ctx.options.allowWithPullPolicy
            ? `${svc(service.name)} sets both build and image without pull_policy, so Compose first tries to pull "${String(image.value.type === 'scalar' ? image.value.value : '')}" and builds only when that fails; set pull_policy: build (or never, missing)`
            : `${svc(service.name)} sets both build and image; keep one of them`,
        });
      }
    }, ['compose/build-pull-policy', ctx.options, ctx.settings]);
  },
});
