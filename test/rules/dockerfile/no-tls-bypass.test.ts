import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/no-tls-bypass';
const BAD = 'dockerfile/no-tls-bypass/bad/Dockerfile';

describe(RULE, () => {
  it('reports switches, flags and settings that turn certificate checks off, at the word that does it', async () => {
    const found = await findings(RULE, ['dockerfile/no-tls-bypass/bad']);
    expect(found.map(brief)).toEqual([
      `${BAD}:2:5-2:24 ${RULE}`,
      `${BAD}:3:5-3:35 ${RULE}`,
      `${BAD}:4:10-4:16 ${RULE}`,
      `${BAD}:5:10-5:32 ${RULE}`,
      `${BAD}:6:20-6:34 ${RULE}`,
      `${BAD}:7:5-7:24 ${RULE}`,
      `${BAD}:8:20-8:30 ${RULE}`,
      `${BAD}:8:60-8:74 ${RULE}`,
      `${BAD}:9:10-9:23 ${RULE}`,
    ]);
    expect(found[2]!.message).toBe(
      'curl -fsSLk turns off TLS certificate verification, so anyone on the network path can swap what the build downloads; fix the trust store (install the CA) instead',
    );
    expect(found[0]!.severity).toBe('error');
  });

  it('accepts verification left on', async () => {
    expect(await findings(RULE, ['dockerfile/no-tls-bypass/good'])).toEqual([]);
  });
});
