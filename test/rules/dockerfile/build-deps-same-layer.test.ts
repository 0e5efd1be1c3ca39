import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/build-deps-same-layer';

describe(RULE, () => {
  it('reports a package or apk --virtual group removed in a later RUN than its install, at the removed name', async () => {
    const found = await findings(RULE, ['dockerfile/build-deps-same-layer/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `dockerfile/build-deps-same-layer/bad/Dockerfile:5:13-5:24 ${RULE} .build-deps is removed in a later RUN than the one that installed it (line 2): that layer keeps it, so the image is no smaller; install, use and remove it in one RUN`,
      `dockerfile/build-deps-same-layer/bad/Dockerfile.debian:4:22-4:37 ${RULE} build-essential is removed in a later RUN than the one that installed it (line 2): that layer keeps it, so the image is no smaller; install, use and remove it in one RUN`,
    ]);
  });

  it('accepts install, use and removal in one RUN, and removing what another stage installed', async () => {
    expect(await findings(RULE, ['dockerfile/build-deps-same-layer/good'])).toEqual([]);
  });
});
