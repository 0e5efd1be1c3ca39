import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/pinned-base-image';

describe(RULE, () => {
  it('reports untagged and latest bases, resolving ARG defaults', async () => {
    const found = await findings(RULE, ['dockerfile/pinned-base-image/bad']);
    expect(found.map(brief)).toEqual([
      'dockerfile/pinned-base-image/bad/Dockerfile:2:6-2:12 dockerfile/pinned-base-image',
      'dockerfile/pinned-base-image/bad/Dockerfile:5:6-5:17 dockerfile/pinned-base-image',
      'dockerfile/pinned-base-image/bad/Dockerfile:8:6-8:13 dockerfile/pinned-base-image',
      'dockerfile/pinned-base-image/bad/Dockerfile:9:6-9:30 dockerfile/pinned-base-image',
    ]);
    expect(found[2]!.message).toBe('base image "${BASE}" (resolves to "python:latest") uses the mutable tag "latest"');
    expect(found[3]!.message).toBe('base image "docker.io/library/alpine" has no tag, so every build may get a different "latest"');
  });

  it('accepts tags, digests, scratch, earlier stages and ARGs without default', async () => {
    expect(await findings(RULE, ['dockerfile/pinned-base-image/good'])).toEqual([]);
  });

  it('with requireDigest, reports tags without digest', async () => {
    const found = await findings(RULE, ['dockerfile/pinned-base-image/good'], {
      cliRules: ['dockerfile/pinned-base-image: [error, {"requireDigest": true}]'],
    });
    expect(found.map(brief)).toEqual(['dockerfile/pinned-base-image/good/Dockerfile:4:6-4:13 dockerfile/pinned-base-image']);
  });
});
