import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/non-root-user';

describe(RULE, () => {
  it('reports a final image whose last USER is root, or that never sets USER', async () => {
    const found = await findings(RULE, ['dockerfile/non-root-user/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `dockerfile/non-root-user/bad/compose-partial/app/Dockerfile:1:6-1:22 ${RULE} the final image never sets USER, so it runs as root unless its base image picks a user; create an unprivileged user and switch to it with USER`,
      `dockerfile/non-root-user/bad/none/Dockerfile:5:6-5:20 ${RULE} the final image never sets USER, so it runs as root unless its base image picks a user; create an unprivileged user and switch to it with USER`,
      `dockerfile/non-root-user/bad/root/Dockerfile:5:6-5:10 ${RULE} the last USER of the final image is "root", so the container runs as root; switch to an unprivileged user once the steps that need root are done`,
    ]);
  });

  it('accepts a USER inherited from a parent stage, root in builders, non-root bases, gosu step-down and compose services that all set a non-root user', async () => {
    expect(await findings(RULE, ['dockerfile/non-root-user/good'])).toEqual([]);
  });

  it('is exempted by the stack: every compose service built from the Dockerfile sets a non-root user, also when only the Dockerfile is linted', async () => {
    expect(await findings(RULE, ['dockerfile/non-root-user/good/compose-user/app/Dockerfile'])).toEqual([]);
    const partial = await findings(RULE, ['dockerfile/non-root-user/bad/compose-partial/app/Dockerfile']);
    expect(partial.map(brief)).toEqual([`dockerfile/non-root-user/bad/compose-partial/app/Dockerfile:1:6-1:22 ${RULE}`]);
  });
});
