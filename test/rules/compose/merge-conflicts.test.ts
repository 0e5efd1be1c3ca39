import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/merge-conflicts';

describe(RULE, () => {
  it('reports a setting whose type changes between layered files, in the later file', async () => {
    const found = await findings(RULE, ['compose/merge-conflicts/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/merge-conflicts/bad/compose.override.yaml:3:5-3:9 compose/merge-conflicts services.trainer.gpus is a list here but a single value in compose.yaml:4; compose cannot merge the two, so this value replaces the other',
      'compose/merge-conflicts/bad/compose.override.yaml:6:1-6:9 compose/merge-conflicts x-limits is a single value here but a mapping in compose.yaml:6; compose cannot merge the two, so this value replaces the other',
    ]);
  });

  it('accepts the short and long forms compose converts between', async () => {
    expect(await findings(RULE, ['compose/merge-conflicts/good'])).toEqual([]);
  });
});
