import { copyArgs, defineRule, DOCKERFILE_INSTRUCTIONS, exposedPorts, portNumbers, type DfInstruction, type DfStage } from '../kit/index.js';

const INSTRUCTIONS = DOCKERFILE_INSTRUCTIONS;
/** Instructions BuildKit refuses as an `ONBUILD` trigger. */
const NOT_TRIGGERS = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);
/** Stage names BuildKit reserves. */
const RESERVED_STAGE_NAMES = new Set(['scratch', 'context']);

export default defineRule({
  meta: {
    id: 'dockerfile/syntax',
    kind: 'dockerfile',
    category: 'syntax',
    severity: 'error',
    fix: 'none',
    summary: 'Instructions, `FROM` lines and stage references are well-formed',
    compat: {
      hadolint: ['DL3011', 'DL3021', 'DL3022', 'DL3023', 'DL3024', 'DL3043', 'DL3061', 'DL3063'],
      buildkit: ['DuplicateStageName', 'ReservedStageName'],
    },
  },
  check(ctx) {
    const { dockerfile } = ctx;
    for (const ins of dockerfile.instructions) {
      if (!INSTRUCTIONS.has(ins.keyword)) {
        ctx.report({ range: ins.keywordSpan, message: `unknown instruction "${ins.keywordText}"` });
      }
      if (ins.trigger && NOT_TRIGGERS.has(ins.trigger.keyword)) {
        ctx.report({ range: ins.trigger.keywordSpan, compat: 'DL3043', message: `${ins.trigger.keyword} is not allowed as an ONBUILD trigger` });
      }
    }
    if (!dockerfile.stages.length && dockerfile.instructions.length) {
      ctx.report({ node: dockerfile.instructions[0]!, compat: 'DL3061', message: 'the Dockerfile has no FROM instruction' });
    } else {
      const beforeFrom = dockerfile.instructions.find((i) => !i.stage && i.keyword !== 'ARG' && i.keyword !== 'FROM' && INSTRUCTIONS.has(i.keyword));
      if (beforeFrom && beforeFrom.start < dockerfile.stages[0]!.from.start) {
        ctx.report({ range: beforeFrom.keywordSpan, compat: 'DL3061', message: `${beforeFrom.keyword} comes before the first FROM; only ARG may` });
      }
    }
    const named = new Map<string, DfStage>();
    for (const stage of dockerfile.stages) {
      if (!stage.image) ctx.report({ range: stage.from.keywordSpan, message: 'FROM names no image' });
      if (stage.name && stage.nameSpan) {
        if (RESERVED_STAGE_NAMES.has(stage.name)) ctx.report({ range: stage.nameSpan, compat: 'DL3063', message: `"${stage.name}" is a reserved word and cannot name a stage` });
        if (named.has(stage.name)) ctx.report({ range: stage.nameSpan, compat: 'DL3024', message: `stage name "${stage.name}" is already used by stage ${named.get(stage.name)!.index}` });
        else named.set(stage.name, stage);
      }
      for (const ins of stage.instructions) {
        if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
          checkCopyFrom(ins, stage);
          checkMultipleSources(ins);
        }
        if (ins.keyword === 'EXPOSE') checkPorts(ins);
      }
    }

    function checkCopyFrom(ins: DfInstruction, stage: DfStage): void {
      const from = ins.flags.find((f) => f.name === 'from');
      if (!from?.value || !from.valueSpan) return;
      const target = from.value;
      if (/^\d+$/.test(target)) {
        if (Number(target) >= stage.index) ctx.report({ range: from.valueSpan, message: `--from=${target} does not name an earlier stage (this is stage ${stage.index})` });
        return;
      }
      if (/[:/@$.]/.test(target)) return; // an image reference or a variable
      const ref = named.get(target.toLowerCase());
      if (ref === stage) ctx.report({ range: from.valueSpan, compat: 'DL3023', message: `--from=${target} names the stage it is in` });
      else if (!ref) {
        const later = dockerfile.stages.find((s) => s.name === target.toLowerCase());
        ctx.report({
          range: from.valueSpan,
          compat: 'DL3022',
          message: later
            ? `--from=${target} names a stage defined later in the file`
            : `--from=${target} names no stage of this Dockerfile, so "${target}" would be pulled as an image`,
        });
      }
    }

    function checkMultipleSources(ins: DfInstruction): void {
      const { sources, dest, heredoc } = copyArgs(ins);
      if (heredoc || !dest || sources.length < 2 || dest.value.includes('$')) return;
      if (/[/\\]$/.test(dest.value)) return;
      ctx.report({ node: dest, compat: 'DL3021', message: `${ins.keyword} with ${sources.length} sources needs a destination directory ending in "/"` });
    }

    function checkPorts(ins: DfInstruction): void {
      for (const p of exposedPorts(ins)) {
        if (p.dynamic) continue;
        const numbers = portNumbers(p.port);
        if (numbers?.some((n) => n > 65535)) ctx.report({ node: p.word, compat: 'DL3011', message: `port ${p.port} is outside the valid range 0-65535` });
      }
    }
  },
});
