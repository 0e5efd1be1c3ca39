import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/dockerignore';

describe(RULE, () => {
  it('reports the first whole-context copy when there is no .dockerignore, or one that excludes nothing', async () => {
    const found = await findings(RULE, ['dockerfile/dockerignore/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `dockerfile/dockerignore/bad/empty/Dockerfile:2:5-2:6 ${RULE} ADD copies the whole build context, and the .dockerignore beside this Dockerfile excludes nothing; exclude .git, .env files, keys, node_modules and build output`,
      `dockerfile/dockerignore/bad/missing/Dockerfile:4:6-4:7 ${RULE} COPY copies the whole build context, and there is no .dockerignore beside this Dockerfile, so .git, .env files, keys, node_modules and build output go into the image`,
    ]);
  });

  it('accepts a .dockerignore, partial copies and copies from other images', async () => {
    expect(await findings(RULE, ['dockerfile/dockerignore/good'])).toEqual([]);
  });
});
