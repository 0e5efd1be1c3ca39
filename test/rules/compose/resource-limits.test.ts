import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/resource-limits';
/** Not in the recommended preset: switched on as stack-lint:strict does. */
const ON = ['compose/resource-limits: warning'];

describe(RULE, () => {
  it('reports missing CPU and memory limits at the deepest key written (legacy keys count; their disagreements are compose/scale-consistency\'s)', async () => {
    expect(await findings(RULE, ['compose/resource-limits/bad'])).toEqual([]);
    const found = await findings(RULE, ['compose/resource-limits/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/resource-limits/bad/compose.yaml:6:9-6:15 compose/resource-limits',
      'compose/resource-limits/bad/compose.yaml:8:3-8:6 compose/resource-limits',
      'compose/resource-limits/bad/compose.yaml:21:5-21:11 compose/resource-limits',
    ]);
    expect(found.map((d) => d.message)).toEqual([
      'service "minecraft" sets no CPU limit, so one runaway container can starve the host (set deploy.resources.limits)',
      'service "api" sets no CPU limit and no memory limit, so one runaway container can starve the host (set deploy.resources.limits)',
      'service "worker" sets no CPU limit and no memory limit, so one runaway container can starve the host (set deploy.resources.limits)',
    ]);
  });

  it("accepts the seeds' limits, agreeing legacy keys and legacy keys alone", async () => {
    expect(await findings(RULE, ['compose/resource-limits/good'], { cliRules: ON })).toEqual([]);
  });

  it('with require: [cpus, memory, pids], also asks for a pids limit (deploy or pids_limit)', async () => {
    const found = await findings(RULE, ['compose/resource-limits/pids'], {
      cliRules: ['compose/resource-limits: [warning, {require: [cpus, memory, pids]}]'],
    });
    expect(found.map(brief)).toEqual(['compose/resource-limits/pids/compose.yaml:6:9-6:15 compose/resource-limits']);
    expect(found[0]!.message).toBe(
      'service "api" sets no process (pids) limit, so one runaway container can starve the host (set deploy.resources.limits)',
    );
  });
});
