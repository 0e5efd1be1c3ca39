import { describe, expect, it } from 'vitest';
import rule from '../../../rules/stack/build-refs.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);
const STAGES = [
  'FROM python:3.12-slim AS builder',
  'RUN pip install --no-cache-dir uv==0.4.20',
  '',
  'FROM builder AS development',
  'CMD ["uvicorn", "app:app", "--reload"]',
  '',
  'FROM python:3.12-slim AS runtime',
  'COPY --from=builder /usr/local /usr/local',
  'CMD ["uvicorn", "app:app"]',
  '',
].join('\n');
/** The base (production) configuration, after the ichrisbirch layering guide. */
const MISSING_TARGET = '# Base (production) configuration, after the ichrisbirch layering guide\nservices:\n  api:\n    build:\n      context: .\n      target: production\n    image: ichrisbirch/api:2.3.0\n';

describe('stack/build-refs', () => {
  it('is an error', () => {
    expect(rule.meta.severity).toBe('error');
  });

  it('reports a missing context and a context without Dockerfile', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  backend:\n    build: ./backend\n    image: shop/backend:0.9.1\n  web:\n    build:\n      context: ./web\n',
          files: { 'web/index.html': '<!doctype html><title>shop</title>\n' },
          errors: [
            { line: 3, column: 12, endLine: 3, endColumn: 21, message: 'service "backend" builds from the context "backend", which does not exist', severity: 'error' },
            { line: 7, column: 16, endLine: 7, endColumn: 21, message: 'service "web" builds the context "web", which has no Dockerfile; name the file with build.dockerfile', severity: 'error' },
          ],
        },
      ],
    });
  });

  it('reports a missing dockerfile', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: '# The API is built from a Dockerfile that is not there\nservices:\n  api:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile.prod\n    image: shop/api:1.4.2\n',
          files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["python", "-m", "http.server"]\n' },
          errors: [{ line: 6, column: 19, endLine: 6, endColumn: 41, message: 'service "api" builds from the Dockerfile "docker/Dockerfile.prod", which does not exist', severity: 'error' }],
        },
      ],
    });
  });

  it('reports a target that is no stage, also when the compose file is linted on its own (the stack is read for context)', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'docker-compose.yml',
          code: MISSING_TARGET,
          files: { Dockerfile: STAGES },
          errors: [
            {
              line: 6,
              column: 15,
              endLine: 6,
              endColumn: 25,
              message: 'service "api" builds the target "production", which is not a stage of Dockerfile (its stages: builder, development, runtime)',
              severity: 'error',
            },
          ],
        },
      ],
    });
  });

  it('accepts targets of each environment (stage names compared case-insensitively), named Dockerfiles, remote, unset and inline builds', async () => {
    await tester.run({
      valid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  named:',
            '    build:',
            '      context: app',
            '      dockerfile: Dockerfile.prod',
            '  remote:',
            '    build: https://github.com/docker/getting-started.git#main',
            '  variable:',
            '    build:',
            '      context: .',
            '      dockerfile: ${API_DOCKERFILE}',
            '  inline:',
            '    build:',
            '      dockerfile_inline: |',
            '        FROM alpine:3.20 AS runtime',
            '        CMD ["true"]',
            '      target: runtime',
            '',
          ].join('\n'),
          files: { 'app/Dockerfile.prod': 'FROM node:20-alpine\nCMD ["node", "server.js"]\n' },
        },
        {
          filename: 'docker-compose.yml',
          code: '# Base (production): the production stage\nservices:\n  api:\n    build:\n      context: .\n      target: production\n    image: ichrisbirch/api:2.3.0\n',
          files: {
            Dockerfile:
              'FROM python:3.12-slim AS base\nWORKDIR /app\n\nFROM base AS development\nCMD ["uvicorn", "app:app", "--reload"]\n\nFROM base AS Production\nCMD ["uvicorn", "app:app"]\n',
            'docker-compose.dev.yml': '# Development override: another stage of the same Dockerfile\nservices:\n  api:\n    build:\n      target: development\n',
          },
        },
      ],
    });
  });
});
