import { describe, expect, it } from 'vitest';
import apkNoCache from '../../../rules/dockerfile/apk-no-cache.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(apkNoCache);
const MESSAGE = 'apk add without --no-cache keeps the package index in /var/cache/apk, in the layer and in the image';

const FIXED = [
  'FROM alpine:3.20',
  'RUN apk add --no-cache curl',
  'RUN apk update \\',
  '    && apk add --no-cache --virtual .build-deps \\',
  '        gcc \\',
  '    && apk del .build-deps',
  'ONBUILD RUN apk add --no-cache git',
  "RUN sh -c 'apk add --no-cache jq'",
  '',
].join('\n');

describe('dockerfile/apk-no-cache', () => {
  it('is off in the recommended preset', () => {
    expect(apkNoCache.meta.recommended).toBe(false);
  });

  it('reports apk add without --no-cache at its subcommand, in multi-line RUNs, ONBUILD and sh -c, and inserts --no-cache after add (unsafe: a flag changes what runs)', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM alpine:3.20',
            'RUN apk add curl',
            'RUN apk update \\',
            '    && apk add --virtual .build-deps \\',
            '        gcc \\',
            '    && apk del .build-deps',
            'ONBUILD RUN apk add git',
            "RUN sh -c 'apk add jq'",
            '',
          ].join('\n'),
          errors: [
            { line: 2, column: 9, endLine: 2, endColumn: 12, message: MESSAGE },
            { line: 4, column: 12, endLine: 4, endColumn: 15, message: MESSAGE },
            { line: 7, column: 17, endLine: 7, endColumn: 20, message: MESSAGE },
            { line: 8, column: 16, endLine: 8, endColumn: 19, message: MESSAGE },
          ],
          output: FIXED,
        },
      ],
    });
    expect(apkNoCache.meta.fix).toBe('unsafe');
  });

  it('accepts --no-cache (the fixed file included), a cache mount and removing /var/cache/apk afterwards', async () => {
    await tester.run({
      valid: [
        FIXED,
        'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
        'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add git\n',
        'FROM alpine:3.20\nRUN apk update && apk add jq && rm -rf /var/cache/apk/*\n',
        'FROM alpine:3.20\nRUN apk del curl\n',
      ],
    });
  });
});
