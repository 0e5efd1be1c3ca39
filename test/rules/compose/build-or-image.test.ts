import { describe, expect, it } from 'vitest';
import { brief, findings, lintFixtures } from '../../helpers/lint.js';

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

  it('judges each environment merged, and leaves a service a later file adds to stack/layered-environments', async () => {
    const dir = 'compose/build-or-image/layered';
    const found = (await lintFixtures([dir])).filter((d) => d.ruleId === RULE || d.ruleId === 'stack/layered-environments');
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      // An override adds "apii" without an image: one finding, the one that says why.
      `${dir}/compose.override.yaml:5:3-5:7 stack/layered-environments compose.override.yaml configures service "apii", which compose.yaml does not define, and gives it no image or build of its own; did you mean "api"?`,
      // Added with extends: judged here (its base has no image either).
      `${dir}/compose.prod.yaml:5:3-5:6 ${RULE} service "job" has neither "image" nor "build", so compose has nothing to run it from`,
      `${dir}/compose.prod.yaml:7:3-7:7 stack/layered-environments compose.prod.yaml configures service "task", which compose.yaml does not define, and gives it no image or build of its own`,
      // web gets its image from compose.override.yaml: only prod lacks one.
      `${dir}/compose.yaml:2:3-2:6 ${RULE} service "web" has neither "image" nor "build", so compose has nothing to run it from (in the "prod" environment: compose.yaml + compose.prod.yaml)`,
    ]);
  });

  it('takes the image from an extends base, the base file of an override, or a provider', async () => {
    expect(await findings(RULE, ['compose/build-or-image/good'])).toEqual([]);
  });

  it('takes the image of a service an included file defines and the including file re-declares (the conflict is compose/include\'s)', async () => {
    expect(await findings(RULE, ['compose/build-or-image/included'])).toEqual([]);
    expect((await findings('compose/include', ['compose/build-or-image/included'])).map(brief)).toEqual([
      'compose/build-or-image/included/compose.yaml:7:3-7:5 compose/include',
    ]);
  });
});
