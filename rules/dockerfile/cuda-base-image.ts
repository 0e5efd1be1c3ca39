import { defineRule, parseImageRef } from '../kit/index.js';

/** `nvidia/cuda` on Docker Hub and on NGC. */
const CUDA_REPOS = /^(?:(?:docker\.io|index\.docker\.io|nvcr\.io)\/)?nvidia\/cuda$/i;
/** `12.4.1-cudnn-runtime-ubuntu22.04`: version, optional cuDNN, flavour, OS. */
const TAG = /^(\d+)\.(\d+)(\.\d+)?(?:-(cudnn\d*))?-(base|runtime|devel)(?:-(.+))?$/;

export default defineRule<'dockerfile'>({
  meta: {
    id: 'dockerfile/cuda-base-image',
    kind: 'dockerfile',
    category: 'images',
    severity: 'warning',
    fix: 'none',
    summary: '`nvidia/cuda` tags name a full `X.Y.Z` version, and the final image uses a `-runtime` or `-base` flavour',
  },
  check(ctx) {
    const doc = ctx.dockerfile;
    const imageStages = new Set(doc.imageStages);
    for (const stage of doc.stages) {
      if (stage.parent || !stage.imageSpan || stage.unsetArgs.length) continue;
      const ref = parseImageRef(stage.resolvedImage);
      if (!CUDA_REPOS.test(`${ref.registry ? `${ref.registry}/` : ''}${ref.repository}`) || !ref.tag) continue;
      const m = TAG.exec(ref.tag);
      if (!m) continue;
      const shown = stage.resolvedImage === stage.image ? `"${stage.image}"` : `"${stage.image}" (resolves to "${stage.resolvedImage}")`;
      if (!m[3]) {
        const full = `${m[1]}.${m[2]}.0${ref.tag.slice(`${m[1]}.${m[2]}`.length)}`;
        const tagAt = stage.image === stage.resolvedImage ? stage.imageSpan.start + stage.image.lastIndexOf(':') + 1 + `${m[1]}.${m[2]}`.length : undefined;
        ctx.report({
          range: stage.imageSpan,
          message: `${shown}: nvidia/cuda publishes tags with a full X.Y.Z version only, so "${ref.tag}" does not exist; use e.g. "${full}"`,
          ...(tagAt !== undefined && !ref.digest
            ? { suggestions: [{ description: `use ${full}`, edits: [{ start: tagAt, end: tagAt, text: '.0' }] }] }
            : {}),
        });
      }
      if (m[5] === 'devel' && imageStages.has(stage)) {
        ctx.report({
          range: stage.imageSpan,
          message: `${shown}: the final image is built on a -devel flavour, which ships compilers and headers it does not need at run time; compile in a -devel builder stage and run on -runtime (or -base)`,
        });
      }
    }
  },
});
