import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/no-unsigned-packages';
const BAD = 'dockerfile/no-unsigned-packages/bad/Dockerfile';

describe(RULE, () => {
  it('reports flags and repository settings that skip package signatures', async () => {
    const found = await findings(RULE, ['dockerfile/no-unsigned-packages/bad']);
    expect(found.map(brief)).toEqual([
      `${BAD}:2:24-2:41 ${RULE}`,
      `${BAD}:5:42-5:65 ${RULE}`,
      `${BAD}:6:10-6:60 ${RULE}`,
      `${BAD}:9:20-9:32 ${RULE}`,
      `${BAD}:10:12-10:25 ${RULE}`,
      `${BAD}:11:12-11:71 ${RULE}`,
    ]);
    expect(found[0]!.message).toBe(
      "apk --allow-untrusted installs packages whose signature is missing or unknown, so a tampered or substituted package installs without complaint; import the repository's signing key instead",
    );
  });

  it('accepts a trusted local (file:) apt source and gpgcheck=1', async () => {
    expect(await findings(RULE, ['dockerfile/no-unsigned-packages/good'])).toEqual([]);
  });
});
