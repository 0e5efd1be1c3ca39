import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/no-copy-whole-stage';

describe(RULE, () => {
  it('reports COPY --from=<stage> / /', async () => {
    const found = await findings(RULE, ['dockerfile/no-copy-whole-stage/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/no-copy-whole-stage/bad/Dockerfile:4:19-4:20 dockerfile/no-copy-whole-stage COPY --from=build / / copies the stage\'s entire filesystem (package databases, caches, build tools included) over this one; copy only the paths the image needs',
      'dockerfile/no-copy-whole-stage/bad/Dockerfile:5:15-5:18 dockerfile/no-copy-whole-stage COPY --from=0 / / copies the stage\'s entire filesystem (package databases, caches, build tools included) over this one; copy only the paths the image needs',
    ]);
  });

  it('accepts copying parts of a stage, copying into a folder and copying whole images', async () => {
    expect(await findings(RULE, ['dockerfile/no-copy-whole-stage/good'])).toEqual([]);
  });
});
