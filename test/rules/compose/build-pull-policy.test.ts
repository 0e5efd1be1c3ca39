import { describe, expect, it } from 'vitest';
import buildPullPolicy from '../../../rules/compose/build-pull-policy.js';
import { RuleTester } from '../../../src/testing.js';

/** The wasmedge examples: an image name next to build, without pull_policy. */
const both = 'services:\n  etl:\n    image: etl-kafka\n    platform: wasi/wasm\n    build:\n      context: etl\n';
const good = [
  'services:',
  '  api:',
  '    build: .',
  '    image: registry.example.com/acme/api:1.0.0',
  '    pull_policy: build',
  '  web:',
  '    build: ./web',
  '  db:',
  '    image: postgres:16.4',
  '',
].join('\n');

describe('compose/build-pull-policy', () => {
  it('is off in the recommended preset', () => {
    expect(buildPullPolicy.meta.recommended).toBe(false);
  });

  it('reports build and image together without pull_policy, at the image key', async () => {
    await new RuleTester(buildPullPolicy).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: both,
          errors: [
            {
              line: 3,
              column: 5,
              endLine: 3,
              endColumn: 10,
              message:
                'service "etl" sets both build and image without pull_policy, so Compose first tries to pull "etl-kafka" and builds only when that fails; set pull_policy: build (or never, missing)',
            },
          ],
        },
      ],
    });
  });

  it('accepts pull_policy, build alone and image alone', async () => {
    await new RuleTester(buildPullPolicy).run({ valid: [good] });
  });

  it('with allowWithPullPolicy: false, reports build and image together in any case', async () => {
    await new RuleTester(buildPullPolicy).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: good,
          options: { allowWithPullPolicy: false },
          errors: [{ line: 4, column: 5, endLine: 4, endColumn: 10, message: 'service "api" sets both build and image; keep one of them' }],
        },
      ],
    });
  });
});
