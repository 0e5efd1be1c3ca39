import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/syntax';

describe(RULE, () => {
  it('reports unknown instructions, duplicate stage names and bad COPY --from references', async () => {
    const found = await findings(RULE, ['dockerfile/syntax/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/syntax/bad/Dockerfile:3:1-3:6 dockerfile/syntax unknown instruction "FROOM"',
      'dockerfile/syntax/bad/Dockerfile:4:21-4:26 dockerfile/syntax stage name "build" is already used by stage 0',
      'dockerfile/syntax/bad/Dockerfile:5:13-5:18 dockerfile/syntax --from=biuld names no stage of this Dockerfile, so "biuld" would be pulled as an image',
      'dockerfile/syntax/bad/Dockerfile:6:13-6:14 dockerfile/syntax --from=5 does not name an earlier stage (this is stage 1)',
      'dockerfile/syntax/bad/Dockerfile:7:13-7:18 dockerfile/syntax --from=later names a stage defined later in the file',
    ]);
  });

  it('accepts stage names, indexes and image references', async () => {
    expect(await findings(RULE, ['dockerfile/syntax/good'])).toEqual([]);
  });
});
