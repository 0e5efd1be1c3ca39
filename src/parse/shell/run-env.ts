/**
 * The environment a Dockerfile `RUN` body sees from the Dockerfile itself: the
 * `ARG`s declared in its stage and the `ENV`s of its stage and of the stages it
 * is built `FROM`, before the `RUN`. (What the base image sets is unknown.)
 */
import { resolveArgs } from '../dockerfile/args.js';
import type { DfInstruction, DfStage } from '../dockerfile/types.js';

export interface RunVariable {
  readonly name: string;
  /** The value (`ENV`) or default (`ARG`); undefined for `ARG NAME` without one. */
  readonly value: string | undefined;
  readonly kind: 'ARG' | 'ENV';
}

/** Name → variable, for the `RUN` (or `ONBUILD RUN`) instruction `run`; later declarations win. */
export function runEnvironment(run: DfInstruction): Map<string, RunVariable> {
  const out = new Map<string, RunVariable>();
  const stage = run.stage;
  if (!stage) return out;
  const chain: DfStage[] = [];
  for (let s: DfStage | undefined = stage; s && !chain.includes(s); s = s.parent) chain.unshift(s);
  for (const s of chain) {
    for (const ins of s.instructions) {
      if (s === stage && ins.start >= run.start) break;
      // ARGs do not carry over into a stage built FROM another one; ENVs do
      if (ins.keyword === 'ENV' || (ins.keyword === 'ARG' && s === stage)) {
        // An ENV value is expanded when it is set, against the ARGs and ENVs before it (`ENV home=/home/${user}`);
        // every value of one ENV against those before the instruction. A reference to a name without a known
        // value keeps the text as written, so the value counts as unknown.
        const before = new Map([...out].map(([n, v]) => [n, v.value]));
        for (const [name, value] of properties(ins)) {
          const known = ins.keyword === 'ENV' && value !== undefined ? resolveArgs(value, before) : undefined;
          out.set(name, { name, value: known && !known.unset.length ? known.value : value, kind: ins.keyword });
        }
      }
    }
  }
  return out;
}

/** The values as a plain map (unknown values as undefined). */
export function runEnvironmentValues(run: DfInstruction): Map<string, string | undefined> {
  return new Map([...runEnvironment(run)].map(([name, v]) => [name, v.value]));
}

function properties(ins: DfInstruction): [string, string | undefined][] {
  const ast = ins.ast as unknown as { getProperties?: () => { getName(): string; getValue(): string | null }[] };
  if (typeof ast.getProperties !== 'function') return [];
  return ast.getProperties().map((p) => [p.getName(), p.getValue() ?? undefined]);
}
