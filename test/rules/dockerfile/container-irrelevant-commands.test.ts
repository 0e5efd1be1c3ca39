import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/container-irrelevant-commands';

describe(RULE, () => {
  it('reports ssh, vim, service, ps, top… run during the build, in ONBUILD too', async () => {
    const found = await findings(RULE, ['dockerfile/container-irrelevant-commands/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/container-irrelevant-commands/bad/Dockerfile:2:5-2:12 dockerfile/container-irrelevant-commands "service" starts a daemon that does not survive the build step; it has no place in a RUN step',
      'dockerfile/container-irrelevant-commands/bad/Dockerfile:3:5-3:7 dockerfile/container-irrelevant-commands "ps" lists processes of a throwaway build container; it has no place in a RUN step',
      'dockerfile/container-irrelevant-commands/bad/Dockerfile:3:15-3:18 dockerfile/container-irrelevant-commands "top" is an interactive process viewer; it has no place in a RUN step',
      'dockerfile/container-irrelevant-commands/bad/Dockerfile:4:13-4:16 dockerfile/container-irrelevant-commands "vim" is an interactive editor; it has no place in a RUN step',
    ]);
  });

  it('accepts installing those tools and running them in CMD', async () => {
    expect(await findings(RULE, ['dockerfile/container-irrelevant-commands/good'])).toEqual([]);
  });
});
