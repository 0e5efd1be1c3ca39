import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/yarn-cache-clean';

describe(RULE, () => {
  it('reports yarn install without yarn cache clean in image stages and ONBUILD', async () => {
    const found = await findings(RULE, ['dockerfile/yarn-cache-clean/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/yarn-cache-clean/bad/Dockerfile:2:5-2:9 dockerfile/yarn-cache-clean yarn install leaves its package cache in the layer; add && yarn cache clean in the same RUN, or mount the cache with --mount=type=cache',
      'dockerfile/yarn-cache-clean/bad/Dockerfile:4:5-4:9 dockerfile/yarn-cache-clean yarn install leaves its package cache in the layer; add && yarn cache clean in the same RUN, or mount the cache with --mount=type=cache',
      'dockerfile/yarn-cache-clean/bad/Dockerfile:5:13-5:17 dockerfile/yarn-cache-clean yarn install leaves its package cache in the layer; add && yarn cache clean in the same RUN, or mount the cache with --mount=type=cache',
    ]);
  });

  it('accepts builder stages, yarn cache clean, cache mounts and yarn --version', async () => {
    expect(await findings(RULE, ['dockerfile/yarn-cache-clean/good'])).toEqual([]);
  });
});
