import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/copy-ignored-file';

describe(RULE, () => {
  it('reports COPY/ADD sources that .dockerignore excludes', async () => {
    const found = await findings(RULE, ['dockerfile/copy-ignored-file/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/copy-ignored-file/bad/Dockerfile:2:6-2:26 dockerfile/copy-ignored-file "./tmp/helloworld.txt" is excluded from the build context by .dockerignore line 3 ("tmp/*"), so COPY cannot find it',
      'dockerfile/copy-ignored-file/bad/Dockerfile:3:6-3:19 dockerfile/copy-ignored-file "node_modules/" is excluded from the build context by .dockerignore line 4 ("node_modules"), so COPY cannot find it',
      'dockerfile/copy-ignored-file/bad/Dockerfile:4:6-4:22 dockerfile/copy-ignored-file "secrets/prod.env" is excluded from the build context by .dockerignore line 5 ("secrets"), so COPY cannot find it',
      'dockerfile/copy-ignored-file/bad/Dockerfile:5:5-5:16 dockerfile/copy-ignored-file "build/*.jar" is excluded from the build context by .dockerignore line 6 ("build"), so ADD cannot find it',
    ]);
  });

  it('accepts the whole context, re-included files, globs, stage copies, variables and URLs', async () => {
    expect(await findings(RULE, ['dockerfile/copy-ignored-file/good'])).toEqual([]);
  });
});
