import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/maintainer-deprecated';

describe(RULE, () => {
  it('reports MAINTAINER', async () => {
    const found = await findings(RULE, ['dockerfile/maintainer-deprecated/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/maintainer-deprecated/bad/Dockerfile:2:1-2:11 dockerfile/maintainer-deprecated MAINTAINER is deprecated; set the author with LABEL org.opencontainers.image.authors instead',
    ]);
  });

  it('accepts the authors label', async () => {
    expect(await findings(RULE, ['dockerfile/maintainer-deprecated/good'])).toEqual([]);
  });

  it('offers an unsafe fix to the authors label', async () => {
    const [finding] = await findings(RULE, ['dockerfile/maintainer-deprecated/bad']);
    expect(finding!.fix!.safety).toBe('unsafe');
    const { text, remaining } = await fixWithRule(RULE, 'dockerfile/maintainer-deprecated/bad/Dockerfile', { unsafe: true });
    expect(text).toBe('FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n');
    expect(remaining).toEqual([]);
  });
});
