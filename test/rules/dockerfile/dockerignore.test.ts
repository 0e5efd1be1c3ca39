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

  it('checks the contexts the repository really builds a Dockerfile from, each of them', async () => {
    const found = await findings(RULE, ['dockerfile/dockerignore/contexts']);
    // Built from the root (which has a .dockerignore) by web, and from app/ (which has none) by worker.
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `dockerfile/dockerignore/contexts/app/Dockerfile:3:6-3:7 ${RULE} COPY copies the whole build context (dockerfile/dockerignore/contexts/app, as dockerfile/dockerignore/contexts/compose.yaml:10 builds it), which has no .dockerignore, so .git, .env files, keys, node_modules and build output go into the image`,
    ]);
  });

  it('follows a bake file that builds a Dockerfile from the folder above it, whose .dockerignore applies', async () => {
    expect(await findings(RULE, ['stacks/evidence/bake'])).toEqual([]);
  });

  it('gives the example stack advice about its real context: the root, not the Dockerfile\'s folder', async () => {
    const found = await findings(RULE, ['stacks/deadtrees']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `stacks/deadtrees/api/Dockerfile:9:6-9:7 ${RULE} COPY copies the whole build context (stacks/deadtrees, as stacks/deadtrees/docker-compose.api.yaml:5 builds it), which has no .dockerignore, so .git, .env files, keys, node_modules and build output go into the image`,
    ]);
  });
});
