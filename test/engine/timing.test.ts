import { afterEach, describe, expect, it, vi } from 'vitest';

const rule = (id: string, timingPhase?: string) => ({ meta: { id, ...(timingPhase ? { timingPhase } : {}) } });

describe('rule timing', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('off, the observer is the check runner itself', async () => {
    vi.stubEnv('STACK_LINT_TIMING', '');
    vi.resetModules();
    const { observeRules } = await import('../../src/engine/timing.js');
    const execute = (_rule: { meta: { id: string } }, _ctx: unknown): void => {};
    expect(observeRules(execute)).toBe(execute);
  });

  it('on, a rule with meta.timingPhase is its own phase and left out of rules:<kind>; others are timed per rule', async () => {
    vi.stubEnv('STACK_LINT_TIMING', 'rules');
    vi.resetModules();
    const { formatTimings, observeRules, timedRules } = await import('../../src/engine/timing.js');
    const calls: string[] = [];
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    const execute = observeRules((r: ReturnType<typeof rule>, ms: number) => {
      calls.push(r.meta.id);
      busy(ms);
    });
    await timedRules('rules:compose', () => {
      execute(rule('compose/schema', 'schema'), 60);
      execute(rule('compose/other'), 0);
    });
    expect(calls).toEqual(['compose/schema', 'compose/other']);
    const table = formatTimings();
    const ms = (name: string) => Number(new RegExp(`^\\s+${name}\\s+([0-9.]+)`, 'm').exec(table)?.[1]);
    expect(ms('schema')).toBeGreaterThanOrEqual(60);
    // Without the schema rule's time taken out, rules:compose would be at least as long as schema.
    expect(ms('rules:compose')).toBeLessThan(ms('schema'));
    expect(table).toMatch(/compose\/schema/);
    expect(table).toMatch(/compose\/other/);
  });
});
