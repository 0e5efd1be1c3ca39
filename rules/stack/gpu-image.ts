import path from 'node:path';
import { baseImageFacts, cudaIn, defineRule, gpuRequest, isScalar } from '../kit/index.js';

export default defineRule<'stack', Record<string, never>>({
  meta: {
    id: 'stack/gpu-image',
    kind: 'stack',
    category: 'gpu',
    severity: 'warning',
    fix: 'none',
    summary: 'A service that reserves GPUs runs an image that ships CUDA',
  },
  parts: [
    {
      scope: 'environment',
      check(ctx) {
        const { project, report } = ctx;
        for (const service of project.services) {
          const request = gpuRequest(project, service);
          if (!request) continue;
          const where = `service "${service.name}"`;
          if (ctx.stack.serviceBuild(service, project)) {
            const image = ctx.stack.serviceImage(service, project);
            if (!image) continue;
            const answer = cudaIn(image);
            if (answer.status !== 'no') continue;
            const file = image.build.inline ? 'its inline Dockerfile' : path.relative(project.directory, image.dockerfile.file.path).split(path.sep).join('/');
            report({
              node: request,
              message: `${where} reserves a GPU, but its image is built by ${file} on ${answer.base ?? 'scratch'}, which ships no CUDA runtime, and the Dockerfile installs none; build FROM a CUDA image (nvidia/cuda:…-runtime, a framework's -cuda/-gpu image) or install the CUDA libraries`,
            });
            continue;
          }
          const imageNode = service.get('image');
          if (!isScalar(imageNode) || imageNode.value === null) continue;
          const r = project.interpolate(imageNode);
          if (r.unset.length || r.errors.length) continue;
          if (baseImageFacts(r.value)?.cuda !== false) continue;
          report({
            node: request,
            message: `${where} reserves a GPU, but runs ${r.value.trim()}, which ships no CUDA runtime; use a CUDA image (nvidia/cuda:…-runtime, a framework's -cuda/-gpu image) or build one`,
          });
        }
      },
    },
  ],
});
