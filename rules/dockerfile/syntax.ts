import { defineRule } from '../../src/engine/define.js';
import type { DfStage } from '../../src/parse/dockerfile/types.js';

const INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export default defineRule({
  meta: {
    id: 'dockerfile/syntax',
    kind: 'dockerfile',
    category: 'syntax',
    severity: 'error',
    fix: 'none',
    summary: 'Instructions, `FROM` lines and stage references are well-formed',
    compat: { buildkit: ['DuplicateStageName'] },
  },
  check(ctx) {
    const { dockerfile } = ctx;
    for (const ins of dockerfile.instructions) {
      if (!INSTRUCTIONS.has(ins.keyword)) {
        ctx.report({ range: ins.keywordSpan, message: `unknown instruction "${ins.keywordText}"` });
      }
    }
    if (!dockerfile.stages.length && dockerfile.instructions.length) {
      ctx.report({ node: dockerfile.instructions[0]!, message: 'the Dockerfile has no FROM instruction' });
    }
    const named = new Map<string, DfStage>();
    for (const stage of dockerfile.stages) {
      if (!stage.image) ctx.report({ range: stage.from.keywordSpan, message: 'FROM names no image' });
      if (stage.name && stage.nameSpan) {
        if (named.has(stage.name)) ctx.report({ range: stage.nameSpan, message: `stage name "${stage.name}" is already used by stage ${named.get(stage.name)!.index}` });
        else named.set(stage.name, stage);
      }
      for (const ins of stage.instructions) {
        const from = ins.keyword === 'COPY' || ins.keyword === 'ADD' ? ins.flags.find((f) => f.name === 'from') : undefined;
        if (!from?.value || !from.valueSpan) continue;
        const target = from.value;
        if (/^\d+$/.test(target)) {
          if (Number(target) >= stage.index) ctx.report({ range: from.valueSpan, message: `--from=${target} does not name an earlier stage (this is stage ${stage.index})` });
          continue;
        }
        if (/[:/@$.]/.test(target)) continue; // an image reference or a variable
        const ref = named.get(target.toLowerCase());
        if (ref === stage) ctx.report({ range: from.valueSpan, message: `--from=${target} names the stage it is in` });
        else if (!ref) {
          const later = dockerfile.stages.find((s) => s.name === target.toLowerCase());
          ctx.report({
            range: from.valueSpan,
            message: later
              ? `--from=${target} names a stage defined later in the file`
              : `--from=${target} names no stage of this Dockerfile, so "${target}" would be pulled as an image`,
          });
        }
      }
    }
  },
});
