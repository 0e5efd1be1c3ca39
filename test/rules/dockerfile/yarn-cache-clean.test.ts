import { describe, it } from 'vitest';
import yarnCacheClean from '../../../rules/dockerfile/yarn-cache-clean.js';
import { RuleTester } from '../../../src/testing.js';

const MESSAGE = 'yarn install leaves its package cache in the layer; add && yarn cache clean in the same RUN, or mount the cache with --mount=type=cache';

describe('dockerfile/yarn-cache-clean', () => {
  it('reports yarn install without yarn cache clean in image stages and ONBUILD', async () => {
    await new RuleTester(yarnCacheClean).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM node:22 AS deps\nRUN yarn install --frozen-lockfile\nFROM deps\nRUN yarn\nONBUILD RUN yarn install\n',
          errors: [
            { line: 2, column: 5, endColumn: 9, message: MESSAGE },
            { line: 4, column: 5, endColumn: 9, message: MESSAGE },
            { line: 5, column: 13, endColumn: 17, message: MESSAGE },
          ],
        },
      ],
    });
  });

  it('accepts builder stages, yarn cache clean, cache mounts and yarn --version', async () => {
    await new RuleTester(yarnCacheClean).run({
      valid: [
        [
          'FROM node:22 AS build',
          'RUN yarn install --frozen-lockfile',
          'RUN yarn build',
          'FROM node:22',
          'COPY --from=build /app/dist /app',
          'RUN yarn install --production && yarn cache clean',
          'RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install',
          'RUN yarn --version',
          '',
        ].join('\n'),
      ],
    });
  });
});
