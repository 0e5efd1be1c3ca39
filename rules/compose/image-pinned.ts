import { defineRule, isScalar, parseImageRef } from '../kit/index.js';

export default defineRule<'compose', { requireDigest: boolean }>({
  meta: {
    id: 'compose/image-pinned',
    kind: 'compose',
    category: 'images',
    severity: 'error',
    fix: 'none',
    summary: 'Service images name an explicit tag other than `latest`',
    recommended: false,
    options: {
      type: 'object',
      properties: { requireDigest: { type: 'boolean', default: false } },
      additionalProperties: false,
    },
    compat: { dclint: ['service-image-require-explicit-tag'] },
  },
  check(ctx) {
    for (const service of ctx.compose.services) {
      const image = service.get('image');
      // With `build:`, `image:` names the image being built, not one that is pulled.
      if (!isScalar(image) || image.value === null || service.get('build')) continue;
      const resolved = ctx.compose.interpolate(image);
      if (resolved.unset.length || resolved.required.length || resolved.errors.length) continue; // cannot judge what the value will be
      const ref = parseImageRef(resolved.value);
      const fromDefault = resolved.references.some((r) => r.operator === ':-' || r.operator === '-');
      const shown = fromDefault ? `"${image.value}" (resolves to "${resolved.value}")` : `"${resolved.value}"`;
      const where = `service "${service.name}"`;
      if (ref.digest) continue;
      if (ctx.options.requireDigest) {
        ctx.report({ node: image, message: `${where} uses image ${shown} without an @sha256: digest` });
      } else if (!ref.tag) {
        ctx.report({ node: image, message: `${where} uses image ${shown} without a tag, which pulls whatever "latest" is today` });
      } else if (ref.tag.toLowerCase() === 'latest') {
        ctx.report({ node: image, message: `${where} uses image ${shown} with the mutable tag "latest"` });
      }
    }
  },
});
