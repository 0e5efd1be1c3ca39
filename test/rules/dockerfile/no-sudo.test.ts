import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/no-sudo';

describe(RULE, () => {
  it('reports sudo in RUN and ONBUILD RUN, also behind other commands', async () => {
    const found = await findings(RULE, ['dockerfile/no-sudo/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/no-sudo/bad/Dockerfile:2:5-2:9 dockerfile/no-sudo sudo in RUN: build steps already run as the current USER, and sudo adds a TTY and PAM layer that behaves unpredictably; switch with USER, or use gosu/su-exec at run time',
      'dockerfile/no-sudo/bad/Dockerfile:2:28-2:32 dockerfile/no-sudo sudo in RUN: build steps already run as the current USER, and sudo adds a TTY and PAM layer that behaves unpredictably; switch with USER, or use gosu/su-exec at run time',
      'dockerfile/no-sudo/bad/Dockerfile:3:13-3:17 dockerfile/no-sudo sudo in RUN: build steps already run as the current USER, and sudo adds a TTY and PAM layer that behaves unpredictably; switch with USER, or use gosu/su-exec at run time',
    ]);
  });

  it('accepts installing sudo and the word sudo as an argument', async () => {
    expect(await findings(RULE, ['dockerfile/no-sudo/good'])).toEqual([]);
  });

  it('is suppressed by an existing # hadolint ignore=DL3004 comment', async () => {
    const found = await findings(RULE, ['dockerfile/no-sudo/suppressed']);
    expect(found.map((d) => [brief(d), d.suppressed])).toEqual([['dockerfile/no-sudo/suppressed/Dockerfile:3:5-3:9 dockerfile/no-sudo', { kind: 'inline' }]]);
  });
});
