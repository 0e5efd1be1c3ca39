import type { DfInstruction, DfStage } from './types.js';

/**
 * The instructions of a kind that a later one in the same stage overrides
 * (only the last `CMD`, `ENTRYPOINT`, `HEALTHCHECK` of a stage counts), each
 * with the instruction that wins. `ONBUILD` triggers are not counted: they
 * belong to the child image's build.
 */
export function overriddenInstructions(stage: DfStage, keyword: string): { ins: DfInstruction; last: DfInstruction }[] {
  const all = stage.instructions.filter((i) => i.keyword === keyword);
  const last = all.at(-1);
  if (!last || all.length < 2) return [];
  return all.slice(0, -1).map((ins) => ({ ins, last }));
}

/** An edit removing an instruction's whole lines (from the start of its first line to after its last line break). */
export function removeInstructionEdit(ins: DfInstruction): { start: number; end: number; text: string } {
  const text = ins.file.text;
  const lineStart = text.lastIndexOf('\n', ins.start - 1) + 1;
  let end = ins.end;
  const nl = text.indexOf('\n', end);
  end = nl < 0 ? text.length : nl + 1;
  return { start: lineStart, end, text: '' };
}
