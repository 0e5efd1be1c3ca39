import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/multi-stage';

describe(RULE, () => {
  it('reports toolchain installs and builds in the stages that make up the final image', async () => {
    const found = await findings(RULE, ['dockerfile/multi-stage/bad']);
    expect(found.map(brief)).toEqual([
      `dockerfile/multi-stage/bad/python/Dockerfile:4:9-4:12 ${RULE}`,
      `dockerfile/multi-stage/bad/python/Dockerfile:11:5-11:23 ${RULE}`,
      `dockerfile/multi-stage/bad/rust/Dockerfile:2:24-2:32 ${RULE}`,
      `dockerfile/multi-stage/bad/rust/Dockerfile:5:5-5:26 ${RULE}`,
    ]);
    expect(found[0]!.message).toBe(
      'apt-get installs build toolchain (gcc, libpq-dev) into the final image; install it in a builder stage and COPY --from only the result',
    );
    expect(found[3]!.message).toBe(
      '"cargo build" builds in the final image, which then ships the toolchain and the sources; build in a builder stage and COPY --from the output',
    );
  });

  it('leaves builder stages alone, and builds whose toolchain is removed in the same RUN', async () => {
    expect(await findings(RULE, ['dockerfile/multi-stage/good'])).toEqual([]);
  });
});
