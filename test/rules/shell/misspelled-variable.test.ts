import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/misspelled-variable.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/misspelled-variable', () => {
  it('reports an upper-case name never assigned but one letter from one that is', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'build.sh',
          code: '#!/bin/sh\nIMAGE_TAG=1.2\ndocker build -t "app:$IMAGE_TAGS" .\necho "$IMAGE_TAGS"\n',
          errors: [
            {
              line: 3,
              column: 22,
              endLine: 3,
              endColumn: 33,
              message: 'IMAGE_TAGS is never assigned here, but IMAGE_TAG is: a misspelling? If IMAGE_TAGS comes from the environment, give it a default with ${IMAGE_TAGS:-…}',
            },
          ],
        },
      ],
    });
  });

  it('leaves alone names two edits away, short names, guarded reads, the shells\' own and lower-case names', async () => {
    await tester.run({
      valid: [
        {
          filename: 'build.sh',
          code: [
            '#!/bin/sh',
            'DOCKER_TAGS="-t app"',
            'echo "$DOCKER_PASS"',
            'ABC=1; echo "$ABD"',
            'IMAGE_TAG=1; echo "${IMAGE_TAGS:-latest}"',
            'PATHS=/x; echo "$PATH"',
            'image_tag=1; echo "$image_tags"',
            '',
          ].join('\n'),
        },
        { filename: 'e.sh', code: '#!/bin/sh\nIMAGE_TAG=1\neval "$(cat env)"\necho "$IMAGE_TAGS"\n' },
      ],
    });
  });

  it('knows a RUN body\'s ENVs, and reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      valid: [{ filename: 'Dockerfile', code: 'FROM alpine\nENV NODE_VERSION=20 NODE_VERSIONS=20\nRUN echo "$NODE_VERSIONS"\n' }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nENV NODE_VERSION=20\nRUN set -e; \\\n    curl -fsSO "https://nodejs.org/dist/v$NODE_VERSON/node.tar.xz"\n',
          errors: [{ line: 4, column: 42, endLine: 4, endColumn: 54, message: /^NODE_VERSON is never assigned here, but NODE_VERSION is/ }],
        },
      ],
    });
  });

  it('is info in recommended', () => {
    expect(rule.meta.recommended).not.toBe(false);
    expect(rule.meta.severity).toBe('info');
  });
});
