import { describe, it } from 'vitest';
import labelSchema from '../../../rules/dockerfile/label-schema.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(labelSchema);
const SCHEMA = {
  version: 'semver',
  'org.opencontainers.image.url': 'url',
  'org.opencontainers.image.created': 'rfc3339',
  'org.opencontainers.image.licenses': 'spdx',
  'org.opencontainers.image.revision': 'hash',
  'org.opencontainers.image.authors': 'email',
  'org.opencontainers.image.title': 'text',
};
const BAD = [
  'FROM alpine:3.20 AS build',
  'LABEL version="not-sem-ver"',
  'FROM alpine:3.20',
  'LABEL org.opencontainers.image.url="not-url" \\',
  '      org.opencontainers.image.created="yesterday" \\',
  '      org.opencontainers.image.licenses="NotALicense" \\',
  '      org.opencontainers.image.revision="not-a-hash" \\',
  '      org.opencontainers.image.authors="nobody" \\',
  '      org.opencontainers.image.title="" \\',
  '      extra="superfluous"',
  '',
].join('\n');
const WRONG_VALUES = [
  { line: 2, column: 15, endLine: 2, endColumn: 28, message: 'label "version" value "not-sem-ver" does not conform to semantic versioning' },
  { line: 3, column: 1, endLine: 3, endColumn: 5, message: 'the image lacks the required label "version"' },
  { line: 4, column: 36, endLine: 4, endColumn: 45, message: 'label "org.opencontainers.image.url" value "not-url" is not a valid URL' },
  { line: 5, column: 40, endLine: 5, endColumn: 51, message: 'label "org.opencontainers.image.created" value "yesterday" is not a valid RFC 3339 time' },
  { line: 6, column: 41, endLine: 6, endColumn: 54, message: 'label "org.opencontainers.image.licenses" value "NotALicense" is not a valid SPDX license expression' },
  { line: 7, column: 41, endLine: 7, endColumn: 53, message: 'label "org.opencontainers.image.revision" value "not-a-hash" is not a valid git hash' },
  { line: 8, column: 40, endLine: 8, endColumn: 48, message: 'label "org.opencontainers.image.authors" value "nobody" is not a valid email address' },
  { line: 9, column: 38, endLine: 9, endColumn: 40, message: 'label "org.opencontainers.image.title" is empty' },
];

describe('dockerfile/label-schema', () => {
  it('does nothing without a schema', async () => {
    await tester.run({ valid: [BAD] });
  });

  it('reports missing labels on the image, empty labels, values of the wrong type and, with strict, extra labels', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: BAD,
          options: { schema: SCHEMA, strict: true },
          errors: [...WRONG_VALUES, { line: 10, column: 7, endLine: 10, endColumn: 12, message: 'label "extra" is not in the label schema (strict labels)' }],
        },
      ],
    });
  });

  it('with allStages, asks every stage for the labels, as hadolint does', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: BAD,
          options: { schema: SCHEMA, allStages: true },
          errors: [
            {
              line: 1,
              column: 1,
              endLine: 1,
              endColumn: 5,
              message:
                'stage "build" lacks the required labels "org.opencontainers.image.url", "org.opencontainers.image.created", "org.opencontainers.image.licenses", "org.opencontainers.image.revision", "org.opencontainers.image.authors", "org.opencontainers.image.title"',
            },
            ...WRONG_VALUES,
          ],
        },
      ],
    });
  });

  it('accepts labels inherited from a parent stage, valid values, and values set from build arguments', async () => {
    await tester.run({
      valid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM alpine:3.20 AS base',
            'LABEL org.opencontainers.image.title="app"',
            'FROM base',
            'ARG VERSION=dev',
            'LABEL version="${VERSION}" \\',
            '      org.opencontainers.image.url="https://example.com/app" \\',
            '      org.opencontainers.image.created="2024-03-10T10:26:33.5+01:00" \\',
            '      org.opencontainers.image.licenses="Apache-2.0 OR MIT" \\',
            '      org.opencontainers.image.revision="43c572f1272b6b3171dd1db9e41b7027128ce080" \\',
            '      org.opencontainers.image.authors="ops@example.com"',
            '',
          ].join('\n'),
          options: { schema: SCHEMA, strict: true },
        },
      ],
    });
  });
});
