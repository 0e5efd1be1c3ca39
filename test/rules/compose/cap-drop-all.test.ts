import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/cap-drop-all';
const ON = ['compose/cap-drop-all: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/cap-drop-all/bad'])).toEqual([]);
  });

  it('reports services that do not drop ALL capabilities', async () => {
    const found = await findings(RULE, ['compose/cap-drop-all/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/cap-drop-all/bad/compose.yaml:2:3-2:6 compose/cap-drop-all',
      'compose/cap-drop-all/bad/compose.yaml:8:5-8:13 compose/cap-drop-all',
    ]);
    expect(found.map((d) => d.message)).toEqual([
      "service \"api\" keeps Docker's default capabilities (no cap_drop); drop ALL and cap_add only what it needs",
      "service \"pihole\" keeps Docker's default capabilities (cap_drop does not list ALL); drop ALL and cap_add only what it needs",
    ]);
  });

  it('accepts cap_drop: [ALL] in any case', async () => {
    expect(await findings(RULE, ['compose/cap-drop-all/good'], { cliRules: ON })).toEqual([]);
  });
});
