import { buildsOnScratch, copyArgs, defineRule, type DfInstruction, type DfStage } from '../kit/index.js';

/** Absolute on Linux (`/x`) or Windows (`C:\x`, `C:/x`, `\x`), or decided by a variable. */
const isAbsoluteOrDynamic = (p: string): boolean => /^([/\\]|[A-Za-z]:[\\/]|\$)/.test(p);

export default defineRule({
  meta: {
    id: 'dockerfile/copy-relative-destination',
    kind: 'dockerfile',
    category: 'maintainability',
    severity: 'warning',
    fix: 'none',
    summary: '`COPY`/`ADD` to a relative destination comes after a `WORKDIR` of the stage (or of a stage it is built on)',
    compat: { hadolint: ['DL3045'] },
  },
  check(ctx) {
    for (const stage of ctx.dockerfile.stages) {
      // An image built on scratch has no base image to pick a directory: its working directory is /.
      let workdir = buildsOnScratch(stage) || inheritsWorkdir(stage.parent);
      let onbuildWorkdir = false;
      for (const ins of stage.instructions) {
        if (ins.keyword === 'WORKDIR') workdir = true;
        if (ins.trigger?.keyword === 'WORKDIR') onbuildWorkdir = true;
        if (isCopy(ins) && !workdir) check(ins);
        if (ins.trigger && isCopy(ins.trigger) && !workdir && !onbuildWorkdir) check(ins.trigger);
      }
    }

    function check(ins: DfInstruction): void {
      const { dest } = copyArgs(ins);
      if (!dest || isAbsoluteOrDynamic(dest.value)) return;
      ctx.report({
        node: dest,
        message: `${ins.keyword} to the relative path "${dest.value}" with no WORKDIR set lands wherever the base image's working directory happens to be; set WORKDIR first or use an absolute path`,
      });
    }
  },
});

const isCopy = (ins: DfInstruction): boolean => ins.keyword === 'COPY' || ins.keyword === 'ADD';

function inheritsWorkdir(stage: DfStage | undefined): boolean {
  for (let s = stage; s; s = s.parent) if (s.instructions.some((i) => i.keyword === 'WORKDIR')) return true;
  return false;
}
