import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/consecutive-run';
const ON = ['dockerfile/consecutive-run: info'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['dockerfile/consecutive-run/bad'])).toEqual([]);
  });

  it('reports consecutive single-command RUNs with the same flags, comments between them included', async () => {
    const found = await findings(RULE, ['dockerfile/consecutive-run/bad'], { cliRules: ON });
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/consecutive-run/bad/Dockerfile:4:1-4:4 dockerfile/consecutive-run this RUN and the one on line 2 each run a single command; joining them with && makes one layer instead of two',
      'dockerfile/consecutive-run/bad/Dockerfile:6:1-6:4 dockerfile/consecutive-run this RUN and the one on line 5 each run a single command; joining them with && makes one layer instead of two',
    ]);
  });

  it('accepts chained commands, RUNs with other flags, other instructions between and exec form', async () => {
    expect(await findings(RULE, ['dockerfile/consecutive-run/good'], { cliRules: ON })).toEqual([]);
  });
});
