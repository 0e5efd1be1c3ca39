import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/no-secret-files';
const BAD = 'dockerfile/no-secret-files/bad/Dockerfile';

describe(RULE, () => {
  it('reports keys, .env files and credential files at their source argument', async () => {
    const found = await findings(RULE, ['dockerfile/no-secret-files/bad']);
    expect(found.map(brief)).toEqual([
      `${BAD}:2:6-2:12 ${RULE}`,
      `${BAD}:3:6-3:10 ${RULE}`,
      `${BAD}:4:6-4:23 ${RULE}`,
      `${BAD}:5:21-5:33 ${RULE}`,
      `${BAD}:6:5-6:28 ${RULE}`,
      `${BAD}:6:29-6:43 ${RULE}`,
    ]);
    expect(found[0]!.message).toBe(
      'COPY id_rsa puts an SSH private key into an image layer, where anyone who can pull the image can read it, even if a later step deletes it; use RUN --mount=type=secret (or --mount=type=ssh), or provide it at run time',
    );
  });

  it('accepts examples, certificates, public keys and repository signing keys', async () => {
    expect(await findings(RULE, ['dockerfile/no-secret-files/good'])).toEqual([]);
  });
});
