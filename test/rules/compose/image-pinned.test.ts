import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/image-pinned';
const ON = ['compose/image-pinned: error'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/image-pinned/bad'])).toEqual([]);
  });

  it('reports latest, missing tags, latest defaults and anchored images at the line that holds them', async () => {
    const found = await findings(RULE, ['compose/image-pinned/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/image-pinned/bad/compose.yaml:2:10-2:15 compose/image-pinned',
      'compose/image-pinned/bad/compose.yaml:7:12-7:34 compose/image-pinned',
      'compose/image-pinned/bad/compose.yaml:9:12-9:27 compose/image-pinned',
      'compose/image-pinned/bad/compose.yaml:11:12-11:61 compose/image-pinned',
      'compose/image-pinned/bad/compose.yaml:15:12-15:40 compose/image-pinned',
    ]);
    expect(found[0]!.message).toBe('service "cache" uses image "redis" without a tag, which pulls whatever "latest" is today');
    expect(found[1]!.message).toBe('service "certbot" uses image "certbot/certbot:latest" with the mutable tag "latest"');
    expect(found[3]!.message).toBe(
      'service "app" uses image "registry.example.com:5000/team/app:${TAG:-latest}" (resolves to "registry.example.com:5000/team/app:latest") with the mutable tag "latest"',
    );
  });

  it('accepts tags, digests, images being built, pinned defaults and unknown variables', async () => {
    expect(await findings(RULE, ['compose/image-pinned/good'], { cliRules: ON })).toEqual([]);
  });

  it('with requireDigest, reports every image without a digest', async () => {
    const found = await findings(RULE, ['compose/image-pinned/digest'], {
      cliRules: ['compose/image-pinned: [error, {"requireDigest": true}]'],
    });
    expect(found.map(brief)).toEqual(['compose/image-pinned/digest/compose.yaml:3:12-3:25 compose/image-pinned']);
    expect(found[0]!.message).toBe('service "db" uses image "postgres:16.4" without an @sha256: digest');
  });
});
