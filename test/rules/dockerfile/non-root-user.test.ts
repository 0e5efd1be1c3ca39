import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/non-root-user';

describe(RULE, () => {
  it('reports a final image whose last USER is root, or that never sets USER', async () => {
    const found = await findings(RULE, ['dockerfile/non-root-user/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `dockerfile/non-root-user/bad/none/Dockerfile:5:6-5:20 ${RULE} the final image never sets USER, so it runs as root unless its base image picks a user; create an unprivileged user and switch to it with USER`,
      `dockerfile/non-root-user/bad/root/Dockerfile:5:6-5:10 ${RULE} the last USER of the final image is "root", so the container runs as root; switch to an unprivileged user once the steps that need root are done`,
    ]);
  });

  it('accepts a USER inherited from a parent stage, root in builders, non-root bases and gosu step-down', async () => {
    expect(await findings(RULE, ['dockerfile/non-root-user/good'])).toEqual([]);
  });
});
