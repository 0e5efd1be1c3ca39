import { defineRule, parseImageRef } from '../kit/index.js';

export default defineRule<'dockerfile', { requireDigest: boolean }>({
  meta: {
    id: 'dockerfile/pinned-base-image',
    kind: 'dockerfile',
    category: 'images',
    severity: 'error',
    fix: 'none',
    summary: '`FROM` names a base image with an explicit tag other than `latest`',
    options: {
      type: 'object',
      properties: { requireDigest: { type: 'boolean', default: false } },
      additionalProperties: false,
    },
    compat: { hadolint: ['DL3006', 'DL3007'] },
  },
  check(ctx) {
    for (const stage of ctx.dockerfile.stages) {
      const image = stage.resolvedImage;
      if (!stage.imageSpan || !image || image.toLowerCase() === 'scratch' || stage.parent) continue;
      // An ARG with no default leaves the image to the build command: nothing to judge.
      if (stage.unsetArgs.length) continue;
      const ref = parseImageRef(image);
      if (ref.digest) continue;
      const shown = image === stage.image ? `"${image}"` : `"${stage.image}" (resolves to "${image}")`;
      if (ctx.options.requireDigest) {
        ctx.report({ range: stage.imageSpan, message: `base image ${shown} is not pinned by an @sha256: digest` });
      } else if (!ref.tag) {
        ctx.report({ range: stage.imageSpan, compat: 'DL3006', message: `base image ${shown} has no tag, so every build may get a different "latest"` });
      } else if (ref.tag.toLowerCase() === 'latest') {
        ctx.report({ range: stage.imageSpan, compat: 'DL3007', message: `base image ${shown} uses the mutable tag "latest"` });
      }
    }
  },
});
