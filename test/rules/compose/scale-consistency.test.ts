import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/scale-consistency';

describe(RULE, () => {
  it('reports legacy settings that disagree with deploy, at the later value, in the layer that causes it', async () => {
    const found = await findings(RULE, ['compose/scale-consistency/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/scale-consistency/bad/compose.prod.yaml:3:16-3:18 compose/scale-consistency service "web" sets mem_limit "1g" but deploy.resources.limits.memory "512M"; compose refuses two different values for the same setting',
      'compose/scale-consistency/bad/compose.yaml:8:17-8:18 compose/scale-consistency service "web" sets scale 2 but deploy.replicas 3; compose refuses two different values for the same setting',
      'compose/scale-consistency/bad/compose.yaml:11:17-11:20 compose/scale-consistency service "web" sets cpus 0.5 but deploy.resources.limits.cpus 1; compose refuses two different values for the same setting',
    ]);
  });

  it('compares numbers and memory sizes by value and leaves unknown values alone', async () => {
    expect(await findings(RULE, ['compose/scale-consistency/good'])).toEqual([]);
  });
});
