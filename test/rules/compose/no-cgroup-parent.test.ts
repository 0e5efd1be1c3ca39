import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/no-cgroup-parent';
const ON = ['compose/no-cgroup-parent: info'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/no-cgroup-parent/bad'])).toEqual([]);
  });

  it('reports cgroup_parent at its value', async () => {
    const found = await findings(RULE, ['compose/no-cgroup-parent/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual(['compose/no-cgroup-parent/bad/compose.yaml:4:20-4:35 compose/no-cgroup-parent']);
    expect(found[0]!.message).toBe(
      'service "batch" sets cgroup_parent "m-executor-abcd", placing it outside the cgroup Docker creates for containers, so the limits and accounting set up for containers may not apply to it',
    );
  });

  it('accepts services without it', async () => {
    expect(await findings(RULE, ['compose/no-cgroup-parent/good'], { cliRules: ON })).toEqual([]);
  });
});
