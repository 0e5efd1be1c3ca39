import { defineRule, instructionWords, suggestName, type DfInstruction } from '../kit/index.js';

/** The flags each instruction accepts in the current Dockerfile frontend (labs flags included). */
const KNOWN_FLAGS: Record<string, readonly string[]> = {
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security', 'device'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'unpack'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};
const WITH_FLAGS = new Set(Object.keys(KNOWN_FLAGS));

export default defineRule({
  meta: {
    id: 'dockerfile/unknown-flag',
    kind: 'dockerfile',
    category: 'syntax',
    severity: 'warning',
    fix: 'none',
    summary: 'Instruction flags (`--mount`, `--from`, …) are ones the instruction accepts',
  },
  check(ctx) {
    const checkInstruction = (ins: DfInstruction): void => {
      const known = KNOWN_FLAGS[ins.keyword] ?? [];
      for (const flag of flagsOf(ins)) {
        if (known.includes(flag.name)) continue;
        const hint = suggestName(flag.name, known);
        const accepted = known.length ? `${ins.keyword} accepts ${known.map((k) => `--${k}`).join(', ')}` : `${ins.keyword} takes no flags`;
        ctx.report({
          range: flag.span,
          message: `unknown flag --${flag.name}${hint ? ` (did you mean --${hint}?)` : ''}: ${accepted}, and docker build stops at a flag it does not know`,
        });
      }
    };
    for (const ins of ctx.dockerfile.instructions) {
      checkInstruction(ins);
      if (ins.trigger) checkInstruction(ins.trigger);
    }
  },
});

/** The flags written on an instruction; for instructions the parser reads no flags of, the leading `--words`. */
function flagsOf(ins: DfInstruction): { name: string; span: { start: number; end: number } }[] {
  if (WITH_FLAGS.has(ins.keyword)) return ins.flags.map((f) => ({ name: f.name, span: { start: f.start, end: f.nameSpan.end } }));
  if (ins.execForm || ins.keyword === 'ONBUILD') return [];
  const out: { name: string; span: { start: number; end: number } }[] = [];
  for (const w of instructionWords(ins)) {
    const m = /^--([A-Za-z][\w-]*)/.exec(w.raw);
    if (!m) break;
    out.push({ name: m[1]!, span: { start: w.start, end: w.start + m[0].length } });
  }
  return out;
}
