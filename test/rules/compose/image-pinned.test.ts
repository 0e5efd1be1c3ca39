import { describe, expect, it } from 'vitest';
import imagePinned from '../../../rules/compose/image-pinned.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/image-pinned', () => {
  it('is off in the recommended preset', () => {
    expect(imagePinned.meta.recommended).toBe(false);
  });

  it('reports latest, missing tags, latest defaults and anchored images at the line that holds them', async () => {
    await new RuleTester(imagePinned).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'x-cache: &cache',
            '  image: redis',
            '  restart: always',
            '',
            'services:',
            '  certbot:',
            '    image: certbot/certbot:latest',
            '  prometheus:',
            '    image: prom/prometheus',
            '  app:',
            '    image: registry.example.com:5000/team/app:${TAG:-latest}',
            '  cache:',
            '    <<: *cache',
            '  worker:',
            '    image: "ghcr.io/acme/worker:LATEST"',
            '',
          ].join('\n'),
          errors: [
            { line: 2, column: 10, endLine: 2, endColumn: 15, message: 'service "cache" uses image "redis" without a tag, which pulls whatever "latest" is today' },
            { line: 7, column: 12, endLine: 7, endColumn: 34, message: 'service "certbot" uses image "certbot/certbot:latest" with the mutable tag "latest"' },
            { line: 9, column: 12, endLine: 9, endColumn: 27, message: 'service "prometheus" uses image "prom/prometheus" without a tag, which pulls whatever "latest" is today' },
            {
              line: 11,
              column: 12,
              endLine: 11,
              endColumn: 61,
              message: 'service "app" uses image "registry.example.com:5000/team/app:${TAG:-latest}" (resolves to "registry.example.com:5000/team/app:latest") with the mutable tag "latest"',
            },
            { line: 15, column: 12, endLine: 15, endColumn: 40, message: /^service "worker" uses image "ghcr\.io\/acme\/worker:LATEST"/ },
          ],
        },
      ],
    });
  });

  it('accepts tags, digests, images being built, pinned defaults and unknown variables', async () => {
    await new RuleTester(imagePinned).run({
      valid: [
        [
          'services:',
          '  db:',
          '    image: postgres:16.4-alpine',
          '  proxy:',
          '    image: registry.example.com:5000/nginx:1.27',
          '  pinned:',
          '    image: redis@sha256:1b9c8b3a8e8e7b1c1f6c7f5c2e0b7a4d9a1e4f2c3b6d8e0f1a2b3c4d5e6f7a8b',
          '  app:',
          '    build: .',
          '    image: acme/app:latest # names the image being built, not one pulled',
          '  versioned:',
          '    image: acme/api:${API_TAG:-2.3.1}',
          '  from-env:',
          '    image: acme/web:${WEB_TAG}',
          '  required-from-ci:',
          '    # set by the CI job that runs the file: its value is not known here',
          '    image: ${CI_IMAGE:?set CI_IMAGE}',
          '',
        ].join('\n'),
      ],
    });
  });

  it('with requireDigest, reports every image without a digest', async () => {
    await new RuleTester(imagePinned).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  db:\n    image: postgres:16.4\n  cache:\n    image: redis:7.4@sha256:1b9c8b3a8e8e7b1c1f6c7f5c2e0b7a4d9a1e4f2c3b6d8e0f1a2b3c4d5e6f7a8b\n',
          options: { requireDigest: true },
          errors: [{ line: 3, column: 12, endLine: 3, endColumn: 25, message: 'service "db" uses image "postgres:16.4" without an @sha256: digest' }],
        },
      ],
    });
  });
});
