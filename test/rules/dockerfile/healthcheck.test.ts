import { describe, expect, it } from 'vitest';
import healthcheck from '../../../rules/dockerfile/healthcheck.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(healthcheck);
const NO_HEALTHCHECK = 'the image declares no HEALTHCHECK, so Docker cannot tell a hung service from a healthy one';

describe('dockerfile/healthcheck', () => {
  it('is off in the recommended preset', () => {
    expect(healthcheck.meta.recommended).toBe(false);
  });

  it('reports service images without HEALTHCHECK (info), naming the compose services that lack one too', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'api/Dockerfile',
          code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "-m", "app"]\n',
          files: {
            '../compose.yaml': [
              'services:',
              '  api:',
              '    build: ./api',
              '    healthcheck:',
              '      test: ["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/health\')"]',
              '  worker:',
              '    build:',
              '      context: api',
              '      dockerfile: Dockerfile',
              '    command: ["python", "-m", "app.worker"]',
              '',
            ].join('\n'),
          },
          errors: [
            { line: 1, column: 6, endLine: 1, endColumn: 22, severity: 'info', message: `${NO_HEALTHCHECK} (compose service "worker" built from it has none either)` },
          ],
        },
        {
          filename: 'Dockerfile',
          code: 'FROM nginx:1.27-alpine\nCOPY nginx.conf /etc/nginx/nginx.conf\nEXPOSE 80\n',
          errors: [{ line: 1, column: 6, endLine: 1, endColumn: 23, severity: 'info', message: NO_HEALTHCHECK }],
        },
      ],
    });
  });

  it('accepts HEALTHCHECK (also NONE, also in a parent stage), compose healthchecks (also from an override), base images and images that run nothing', async () => {
    const web = 'services:\n  web:\n    build: ./web\n';
    await tester.run({
      valid: [
        {
          name: 'base image',
          filename: 'Dockerfile',
          code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3 && rm -rf /var/lib/apt/lists/*\nCMD ["python3"]\n',
        },
        {
          name: 'compose healthcheck',
          filename: 'web/Dockerfile',
          code: 'FROM nginx:1.27-alpine\nEXPOSE 80\n',
          files: { '../compose.yaml': 'services:\n  web:\n    build: web\n    healthcheck:\n      test: ["CMD", "wget", "-q", "--spider", "http://localhost/"]\n' },
        },
        { name: 'no command', filename: 'Dockerfile', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
        { name: 'NONE', filename: 'Dockerfile', code: 'FROM alpine:3.20\nHEALTHCHECK NONE\nCMD ["sleep", "infinity"]\n' },
        {
          name: 'healthcheck from an override',
          filename: 'web/Dockerfile',
          code: 'FROM node:20-alpine\nEXPOSE 8080\nCMD ["node", "server.js"]\n',
          files: {
            '../compose.yaml': web,
            '../compose.override.yaml':
              '# The healthcheck comes with the override: the merged service has one\nservices:\n  web:\n    healthcheck:\n      test: ["CMD", "wget", "-q", "--spider", "http://localhost:8080/health"]\n',
          },
        },
        {
          name: 'parent stage',
          filename: 'Dockerfile',
          code: 'FROM node:20-slim AS base\nHEALTHCHECK --interval=30s --timeout=5s CMD node healthcheck.js\n\nFROM base\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
        },
      ],
    });
  });
});
