import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/build-or-image';

describe(RULE, () => {
  it('reports services with neither image nor build (after extends) and builds with two Dockerfiles', async () => {
    const found = await findings(RULE, ['compose/build-or-image/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/build-or-image/bad/compose.yaml:2:3-2:6 compose/build-or-image service "web" has neither "image" nor "build", so compose has nothing to run it from',
      'compose/build-or-image/bad/compose.yaml:8:7-8:24 compose/build-or-image service "api" sets both build.dockerfile and build.dockerfile_inline; compose accepts only one',
      'compose/build-or-image/bad/compose.yaml:10:3-10:7 compose/build-or-image service "base" has neither "image" nor "build", so compose has nothing to run it from',
      'compose/build-or-image/bad/compose.yaml:12:3-12:9 compose/build-or-image service "worker" has neither "image" nor "build", so compose has nothing to run it from',
    ]);
  });

  it('takes the image from an extends base, the base file of an override, or a provider', async () => {
    expect(await findings(RULE, ['compose/build-or-image/good'])).toEqual([]);
  });
});
