import { addedByLaterFile, checkEnvironments, defineRule, isMap, isScalar, laterOf } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/build-or-image',
    kind: 'compose',
    category: 'correctness',
    severity: 'error',
    fix: 'none',
    summary: 'Every service has an `image` or a `build`, and a build sets `dockerfile` or `dockerfile_inline`, not both',
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      if (project.partial) return;
      for (const service of project.services) {
        const image = service.get('image');
        const build = service.get('build');
        const has = (n: typeof image) => n !== undefined && !(isScalar(n) && n.value === null);
        // A service run by a provider (`provider:`) has no container of its own. One that only a later
        // file defines is stack/layered-environments' finding (most likely a misspelt or removed base service).
        if (!has(image) && !has(build) && !service.get('provider') && !addedByLaterFile(project, service)) {
          report({
            node: service.keyNode,
            message: `service "${service.name}" has neither "image" nor "build", so compose has nothing to run it from`,
          });
        }
        if (isMap(build)) {
          const file = build.pair('dockerfile');
          const inline = build.pair('dockerfile_inline');
          if (file && inline) {
            report({
              node: laterOf(project, inline.keyNode, file.keyNode),
              message: `service "${service.name}" sets both build.dockerfile and build.dockerfile_inline; compose accepts only one`,
            });
          }
        }
      }
    });
  },
});
