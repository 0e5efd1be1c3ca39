import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/useradd-large-uid';

describe(RULE, () => {
  it('reports useradd with a UID of six digits or more and no -l', async () => {
    const found = await findings(RULE, ['dockerfile/useradd-large-uid/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/useradd-large-uid/bad/Dockerfile:2:16-2:23 dockerfile/useradd-large-uid useradd with UID 1234567 and without -l writes a sparse lastlog/faillog sized by the UID, which can add gigabytes to the layer',
    ]);
  });

  it('accepts small UIDs, -l and --no-log-init', async () => {
    expect(await findings(RULE, ['dockerfile/useradd-large-uid/good'])).toEqual([]);
  });

  it('offers an unsafe fix that adds -l', async () => {
    const { text, remaining } = await fixWithRule(RULE, 'dockerfile/useradd-large-uid/bad/Dockerfile', { unsafe: true });
    expect(text).toBe('FROM debian:12\nRUN useradd -l -u 1234567 -m app\n');
    expect(remaining).toEqual([]);
  });
});
