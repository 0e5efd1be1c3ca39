import { copyArgs, defineRule, type DfStage } from '../kit/index.js';

/** `--from` names a stage of this file (by name or index), not an image. */
function namesStage(ref: string, stages: readonly DfStage[]): boolean {
  return /^\d+$/.test(ref) ? Number(ref) < stages.length : stages.some((s) => s.name === ref.toLowerCase());
}

const isRoot = (p: string): boolean => /^\/+$/.test(p) || p === '/.';

export default defineRule({
  meta: {
    id: 'dockerfile/no-copy-whole-stage',
    kind: 'dockerfile',
    category: 'image-size',
    severity: 'warning',
    fix: 'none',
    summary: '`COPY --from` copies what the image needs, not the whole filesystem of another stage',
    compat: { hadolint: ['DL3067'] },
  },
  check(ctx) {
    for (const ins of ctx.dockerfile.instructions) {
      if (ins.keyword !== 'COPY') continue;
      const from = ins.flags.find((f) => f.name === 'from');
      if (!from?.value || !namesStage(from.value, ctx.dockerfile.stages)) continue;
      const { sources, dest } = copyArgs(ins);
      const root = sources.find((s) => isRoot(s.value));
      if (!root || !dest || !isRoot(dest.value)) continue;
      ctx.report({
        node: root,
        message: `COPY --from=${from.value} / / copies the stage's entire filesystem (package databases, caches, build tools included) over this one; copy only the paths the image needs`,
      });
    }
  },
});
