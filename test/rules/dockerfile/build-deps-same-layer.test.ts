import { describe, it } from 'vitest';
import buildDepsSameLayer from '../../../rules/dockerfile/build-deps-same-layer.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(buildDepsSameLayer);

describe('dockerfile/build-deps-same-layer', () => {
  it('reports a package or apk --virtual group removed in a later RUN than its install, at the removed name', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM python:3.12-alpine',
            'RUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev',
            'COPY requirements.txt .',
            'RUN pip install --no-cache-dir -r requirements.txt',
            'RUN apk del .build-deps',
            '',
          ].join('\n'),
          errors: [
            {
              line: 5,
              column: 13,
              endLine: 5,
              endColumn: 24,
              message:
                '.build-deps is removed in a later RUN than the one that installed it (line 2): that layer keeps it, so the image is no smaller; install, use and remove it in one RUN',
            },
          ],
        },
        {
          filename: 'Dockerfile.debian',
          code: [
            'FROM python:3.12-slim',
            'RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev && rm -rf /var/lib/apt/lists/*',
            'RUN pip install --no-cache-dir psycopg2==2.9.10',
            'RUN apt-get purge -y build-essential && apt-get autoremove -y',
            '',
          ].join('\n'),
          errors: [
            {
              line: 4,
              column: 22,
              endLine: 4,
              endColumn: 37,
              message:
                'build-essential is removed in a later RUN than the one that installed it (line 2): that layer keeps it, so the image is no smaller; install, use and remove it in one RUN',
            },
          ],
        },
      ],
    });
  });

  it('accepts install, use and removal in one RUN, and removing what another stage installed', async () => {
    await tester.run({
      valid: [
        [
          'FROM python:3.12-alpine AS base',
          'COPY requirements.txt .',
          'RUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev \\',
          ' && pip install --no-cache-dir -r requirements.txt \\',
          ' && apk del .build-deps',
          '',
          'FROM base AS slim',
          "# Removing what the base image (or another stage) brought is not this rule's concern.",
          'RUN apk del --no-cache musl-dev',
          '',
        ].join('\n'),
      ],
    });
  });
});
