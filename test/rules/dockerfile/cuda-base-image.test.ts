import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/cuda-base-image';
const BAD = 'dockerfile/cuda-base-image/bad/Dockerfile';

describe(RULE, () => {
  it('reports X.Y tags, and a -devel flavour in the final image (ARG defaults resolved)', async () => {
    const found = await findings(RULE, ['dockerfile/cuda-base-image/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${BAD}:2:6-2:42 ${RULE} "nvidia/cuda:11.8-runtime-ubuntu22.04": nvidia/cuda publishes tags with a full X.Y.Z version only, so "11.8-runtime-ubuntu22.04" does not exist; use e.g. "11.8.0-runtime-ubuntu22.04"`,
      `${BAD}:3:6-3:43 ${RULE} "nvidia/cuda:\${CUDA}-devel-ubuntu22.04" (resolves to "nvidia/cuda:12.4.1-devel-ubuntu22.04"): the final image is built on a -devel flavour, which ships compilers and headers it does not need at run time; compile in a -devel builder stage and run on -runtime (or -base)`,
    ]);
    expect(found[0]!.suggestions?.[0]?.edits).toEqual([{ start: 37, end: 37, text: '.0' }]);
  });

  it('accepts full versions, -devel in builder stages and NGC images', async () => {
    expect(await findings(RULE, ['dockerfile/cuda-base-image/good'])).toEqual([]);
  });
});
