import { describe, it } from 'vitest';
import pinnedBaseImage from '../../../rules/dockerfile/pinned-base-image.js';
import { RuleTester } from '../../../src/testing.js';

const PINNED = [
  '# syntax=docker/dockerfile:1',
  'ARG BASE=python:3.12-slim',
  'ARG NODE_VERSION',
  'FROM ${BASE} AS base',
  'FROM node:${NODE_VERSION} AS assets',
  'FROM golang:1.23@sha256:1b9c8b3a8e8e7b1c1f6c7f5c2e0b7a4d9a1e4f2c3b6d8e0f1a2b3c4d5e6f7a8b AS build',
  'FROM base AS final',
  'COPY --from=build /out /app',
  'FROM scratch',
  'COPY --from=final /app /app',
  '',
].join('\n');

describe('dockerfile/pinned-base-image', () => {
  it('reports untagged and latest bases, resolving ARG defaults', async () => {
    await new RuleTester(pinnedBaseImage).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'ARG BASE=python:latest',
            'FROM ubuntu',
            'RUN echo first',
            '',
            'FROM node:latest AS build',
            'RUN npm --version',
            '',
            'FROM ${BASE} AS runtime',
            'FROM docker.io/library/alpine',
            '',
          ].join('\n'),
          errors: [
            { line: 2, column: 6, endColumn: 12 },
            { line: 5, column: 6, endColumn: 17 },
            { line: 8, column: 6, endColumn: 13, message: 'base image "${BASE}" (resolves to "python:latest") uses the mutable tag "latest"' },
            { line: 9, column: 6, endColumn: 30, message: 'base image "docker.io/library/alpine" has no tag, so every build may get a different "latest"' },
          ],
        },
      ],
    });
  });

  it('accepts tags, digests, scratch, earlier stages and ARGs without default', async () => {
    await new RuleTester(pinnedBaseImage).run({ valid: [PINNED] });
  });

  it('with requireDigest, reports tags without digest', async () => {
    await new RuleTester(pinnedBaseImage).run({
      invalid: [{ filename: 'Dockerfile', code: PINNED, options: { requireDigest: true }, errors: [{ line: 4, column: 6, endColumn: 13 }] }],
    });
  });
});
