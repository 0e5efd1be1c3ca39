import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/include';

describe(RULE, () => {
  it('reports missing files, cycles and resources defined twice', async () => {
    const found = await findings(RULE, ['compose/include/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/include/bad/compose.yaml:3:5-3:27 compose/include include names "missing/compose.yaml", which does not exist',
      'compose/include/bad/compose.yaml:4:11-4:22 compose/include include forms a cycle: compose.yaml → loop.yaml → compose.yaml',
      'compose/include/bad/compose.yaml:9:3-9:5 compose/include service "db" is also defined by the included file db/compose.yaml (line 2); compose does not merge the two and reports a conflict',
    ]);
  });

  it('accepts included files (merged when several), their resources, and remote includes', async () => {
    expect(await findings(RULE, ['compose/include/good'])).toEqual([]);
    // The included services count as services of the project.
    expect(await findings('compose/references', ['compose/include/good'])).toEqual([]);
  });
});
