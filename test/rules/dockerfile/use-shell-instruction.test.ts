import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/use-shell-instruction';

describe(RULE, () => {
  it('reports relinking /bin/sh', async () => {
    const found = await findings(RULE, ['dockerfile/use-shell-instruction/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/use-shell-instruction/bad/Dockerfile:2:23-2:30 dockerfile/use-shell-instruction relinking /bin/sh changes the shell of every later RUN, and of the running container, behind the Dockerfile\'s back; use SHELL ["/bin/bash", "-c"] instead',
      'dockerfile/use-shell-instruction/bad/Dockerfile:3:34-3:41 dockerfile/use-shell-instruction relinking /bin/sh changes the shell of every later RUN, and of the running container, behind the Dockerfile\'s back; use SHELL ["/bin/bash", "-c"] instead',
    ]);
  });

  it('accepts SHELL and unrelated symlinks', async () => {
    expect(await findings(RULE, ['dockerfile/use-shell-instruction/good'])).toEqual([]);
  });
});
