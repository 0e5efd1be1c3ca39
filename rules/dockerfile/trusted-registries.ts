import picomatch from 'picomatch';
import { defineRule, parseImageRef } from '../kit/index.js';

interface Options {
  allowed: string[];
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

export default defineRule<'dockerfile', Options>({
  meta: {
    id: 'dockerfile/trusted-registries',
    kind: 'dockerfile',
    category: 'supply-chain',
    severity: 'error',
    fix: 'none',
    summary: 'Base images and `COPY --from` images come from an allowed registry (when `allowed` is configured)',
    options: {
      type: 'object',
      properties: { allowed: { type: 'array', items: { type: 'string' }, default: [] } },
      additionalProperties: false,
    },
    compat: { hadolint: ['DL3026'] },
  },
  check(ctx) {
    const allowed = ctx.options.allowed;
    if (!allowed.length) return;
    const matchers = allowed.map((pattern) => {
      const p = pattern.toLowerCase();
      return DOCKER_HUB.has(p) ? (r: string) => DOCKER_HUB.has(r) : picomatch(p, { dot: true, nobrace: true, noextglob: true });
    });
    const trusted = (registry: string): boolean => matchers.some((m) => m(registry));
    const list = allowed.map((a) => `"${a}"`).join(', ');

    const { dockerfile } = ctx;
    const stageNames = new Set(dockerfile.stages.map((s) => s.name).filter(Boolean));
    for (const stage of dockerfile.stages) {
      const image = stage.resolvedImage;
      const external = stage.imageSpan && image && image.toLowerCase() !== 'scratch' && !stage.parent && !stage.unsetArgs.length && !image.includes('$');
      if (external && !trusted(registryOf(image))) {
        ctx.report({ range: stage.imageSpan!, message: `base image "${image}" comes from ${registryOf(image)}, which is not an allowed registry (${list})` });
      }
      for (const ins of stage.instructions) {
        const from = ins.keyword === 'COPY' || ins.keyword === 'ADD' ? ins.flags.find((f) => f.name === 'from') : undefined;
        const ref = from?.value;
        if (!ref || !from.valueSpan || /^\d+$/.test(ref) || ref.includes('$') || stageNames.has(ref.toLowerCase())) continue;
        if (!/[:/@.]/.test(ref)) continue; // a stage typo, reported by dockerfile/syntax
        const reg = registryOf(ref);
        if (!trusted(reg)) ctx.report({ range: from.valueSpan, message: `COPY --from image "${ref}" comes from ${reg}, which is not an allowed registry (${list})` });
      }
    }
  },
});

/** The registry host of an image reference; Docker Hub for references without one. */
function registryOf(image: string): string {
  return (parseImageRef(image).registry ?? 'docker.io').toLowerCase();
}
