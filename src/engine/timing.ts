/**
 * Opt-in phase timing: `STACK_LINT_TIMING=1` writes, when the process exits,
 * how long each phase of the run took (wall time, summed over files) to
 * standard error; `STACK_LINT_TIMING=rules` adds the slowest rules
 * (`STACK_LINT_TIMING=all` lists every rule). Off, it costs one boolean test
 * per phase, and nothing per rule (`observeRules`).
 *
 * Phases: `startup` (node and module loading, up to the start of the run),
 * `discover`, `read`, `parse:<kind>`, `compose-projects` (layers, `extends`,
 * `include`), `stack-resources` (what the stack model reads beyond the run's
 * files: build contexts, Dockerfiles elsewhere, `.dockerignore`s), `schema`
 * (the compose schema rule; a rule names such a phase of its own in
 * `meta.timingPhase`), `rules:<kind>`, `suppressions`, `report` (from
 * the end of the run to the exit: formatting and writing the output). Parse
 * times of `RUN` bodies are in `parse:dockerfile`.
 */
import { performance } from 'node:perf_hooks';

const setting = (typeof process !== 'undefined' && process.env.STACK_LINT_TIMING) || '';

/** True when `STACK_LINT_TIMING` asks for timings. */
export const TIMING = setting !== '' && setting !== '0' && setting !== 'false';
const RULES = setting === 'rules' || setting === 'all';

const phases = new Map<string, { ms: number; count: number }>();
const rules = new Map<string, { ms: number; count: number }>();
let runStarted: number | undefined;
let runEnded: number | undefined;
let hooked = false;

function bump(map: Map<string, { ms: number; count: number }>, name: string, ms: number): void {
  const hit = map.get(name);
  if (hit) {
    hit.ms += ms;
    hit.count++;
  } else map.set(name, { ms, count: 1 });
}

/** Adds `ms` to a phase. */
export function addPhase(name: string, ms: number): void {
  if (TIMING) bump(phases, name, ms);
}

/** Time recorded by rules that are timed as a phase of their own (`meta.timingPhase`), for `timedRules` to leave out. */
let ownPhaseMs = 0;

/** Times a synchronous step. */
export function timed<T>(name: string, fn: () => T): T {
  if (!TIMING) return fn();
  const t = performance.now();
  try {
    return fn();
  } finally {
    bump(phases, name, performance.now() - t);
  }
}

/** Times an asynchronous step (wall time, including waits on I/O). */
export async function timedAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!TIMING) return fn();
  const t = performance.now();
  try {
    return await fn();
  } finally {
    bump(phases, name, performance.now() - t);
  }
}

/**
 * Times a stretch of rule runs as the phase `name` (`rules:<kind>`), less the
 * time of rules that are a phase of their own (`meta.timingPhase`).
 */
export async function timedRules<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  if (!TIMING) return fn();
  const t = performance.now();
  const own = ownPhaseMs;
  try {
    return await fn();
  } finally {
    bump(phases, name, performance.now() - t - (ownPhaseMs - own));
  }
}

/**
 * An observer around the function that runs one rule's check: with timing on,
 * the returned function records each run, per rule with
 * `STACK_LINT_TIMING=rules|all`, and as a phase of its own for a rule that
 * declares `meta.timingPhase` (`compose/schema`: `schema`). A check that
 * throws is not recorded. Off, `execute` itself is returned, so the lint loop
 * pays nothing for timing.
 */
export function observeRules<R extends { readonly meta: { readonly id: string; readonly timingPhase?: string } }, C>(
  execute: (rule: R, ctx: C) => void,
): (rule: R, ctx: C) => void {
  if (!TIMING) return execute;
  return (rule, ctx) => {
    const phase = rule.meta.timingPhase;
    if (!RULES && !phase) return execute(rule, ctx);
    const t = performance.now();
    execute(rule, ctx);
    const ms = performance.now() - t;
    if (RULES) bump(rules, rule.meta.id, ms);
    if (phase) {
      bump(phases, phase, ms);
      ownPhaseMs += ms;
    }
  };
}

/** Marks the start of a run (`run()`); the first mark counts, so nested runs do not reset it. */
export function markRunStart(): void {
  if (!TIMING || runStarted !== undefined) return;
  runStarted = performance.now();
  if (!hooked) {
    hooked = true;
    process.once('exit', () => process.stderr.write(formatTimings()));
  }
}

/** Marks the end of a run: what follows until the exit is `report`. */
export function markRunEnd(): void {
  if (TIMING) runEnded = performance.now();
}

/** The table written at exit. */
export function formatTimings(): string {
  const now = performance.now();
  const rows: [string, number, number | undefined][] = [];
  if (runStarted !== undefined) rows.push(['startup', runStarted, undefined]);
  const order = ['discover', 'read', 'parse:compose', 'parse:dockerfile', 'parse:shell', 'compose-projects', 'stack-resources', 'schema', 'rules:compose', 'rules:dockerfile', 'rules:shell', 'rules:stack', 'shellcheck', 'suppressions'];
  const names = [...phases.keys()].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || (a < b ? -1 : 1);
  });
  for (const name of names) rows.push([name, phases.get(name)!.ms, phases.get(name)!.count]);
  if (runEnded !== undefined) rows.push(['report', now - runEnded, undefined]);
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  const lines = ['stack-lint timing (wall ms; phases summed over files)'];
  for (const [name, ms, count] of rows) lines.push(`  ${name.padEnd(22)}${ms.toFixed(1).padStart(10)}${count === undefined ? '' : `  (${count}×)`}`);
  lines.push(`  ${'total'.padEnd(22)}${now.toFixed(1).padStart(10)}  cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, rss ${(mem.rss / 2 ** 20).toFixed(0)} MB`);
  if (rules.size) {
    const sorted = [...rules].sort((a, b) => b[1].ms - a[1].ms);
    const shown = setting === 'all' ? sorted : sorted.slice(0, 20);
    lines.push(`  rules (${setting === 'all' ? 'all' : 'slowest 20'} of ${rules.size}, wall ms over files)`);
    for (const [id, { ms, count }] of shown) lines.push(`    ${id.padEnd(44)}${ms.toFixed(1).padStart(9)}  (${count}×)`);
  }
  return `${lines.join('\n')}\n`;
}
