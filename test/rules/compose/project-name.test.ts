import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/project-name';
const ON = ['compose/project-name: info'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/project-name/bad'])).toEqual([]);
  });

  it('reports a file with services and no top-level name, at its first key', async () => {
    const found = await findings(RULE, ['compose/project-name/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual(['compose/project-name/bad/compose.yaml:1:1-1:9 compose/project-name']);
    expect(found[0]!.message).toBe(
      'the file sets no top-level name, so the project (and its containers, networks and volumes) is named after whatever folder it is run from',
    );
  });

  it('accepts a file that names its project, and an override whose base file names it', async () => {
    expect(await findings(RULE, ['compose/project-name/good'], { cliRules: ON })).toEqual([]);
  });
});
