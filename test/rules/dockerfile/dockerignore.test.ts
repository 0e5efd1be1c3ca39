import { describe, it } from 'vitest';
import dockerignore from '../../../rules/dockerfile/dockerignore.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(dockerignore);
const NODE_APP = 'FROM node:22.9.0-alpine\nWORKDIR /src\nCOPY . .\nCMD ["node", "server.js"]\n';

describe('dockerfile/dockerignore', () => {
  it('reports the first whole-context copy when there is no .dockerignore, or one that excludes nothing', async () => {
    await tester.run({
      invalid: [
        {
          name: 'empty',
          filename: 'Dockerfile',
          code: 'FROM nginx:1.27-alpine\nADD . /usr/share/nginx/html\n',
          files: { '.dockerignore': '# nothing excluded yet\n\n' },
          errors: [
            {
              line: 2,
              column: 5,
              endLine: 2,
              endColumn: 6,
              message:
                'ADD copies the whole build context, and the .dockerignore beside this Dockerfile excludes nothing; exclude .git, .env files, keys, node_modules and build output',
            },
          ],
        },
        {
          name: 'missing',
          filename: 'Dockerfile',
          code: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json ./\nCOPY . .\n',
          errors: [
            {
              line: 4,
              column: 6,
              endLine: 4,
              endColumn: 7,
              message:
                'COPY copies the whole build context, and there is no .dockerignore beside this Dockerfile, so .git, .env files, keys, node_modules and build output go into the image',
            },
          ],
        },
      ],
    });
  });

  it('accepts a .dockerignore, partial copies and copies from other images', async () => {
    await tester.run({
      valid: [
        { filename: 'Dockerfile', code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\n', files: { '.dockerignore': '.git\nnode_modules\n.env*\n' } },
        'FROM node:20-slim\nWORKDIR /app\nCOPY src/ ./src/\nCOPY --from=node:20 . /tmp/node\n',
      ],
    });
  });

  it('checks the contexts the repository really builds a Dockerfile from, each of them', async () => {
    await tester.run({
      invalid: [
        {
          // Built from the root (which has a .dockerignore) by web, and from app/ (which has none) by worker.
          filename: 'app/Dockerfile',
          code: NODE_APP,
          files: {
            '../.dockerignore': '.git\n.env\nnode_modules\n',
            '../compose.yaml': [
              'services:',
              '  web:',
              '    image: example/web:1.0',
              '    build:',
              '      context: .',
              '      dockerfile: app/Dockerfile',
              '  worker:',
              '    image: example/worker:1.0',
              '    build: ./app',
              '',
            ].join('\n'),
          },
          errors: [
            {
              line: 3,
              column: 6,
              endLine: 3,
              endColumn: 7,
              message:
                'COPY copies the whole build context (app, as compose.yaml:9 builds it), which has no .dockerignore, so .git, .env files, keys, node_modules and build output go into the image',
            },
          ],
        },
      ],
    });
  });

  it('follows a bake file that builds a Dockerfile from the folder above it, whose .dockerignore applies', async () => {
    await tester.run({
      valid: [
        {
          filename: 'app/Dockerfile',
          code: NODE_APP,
          files: {
            '../.dockerignore': '.git\nnode_modules\n.env\n',
            '../docker-bake.hcl': 'group "default" {\n  targets = ["app"]\n}\n\ntarget "app" {\n  context    = "."\n  dockerfile = "app/Dockerfile"\n}\n',
          },
        },
      ],
    });
  });

  it("gives advice about the real context a compose file builds from: the root, not the Dockerfile's folder", async () => {
    await tester.run({
      invalid: [
        {
          filename: 'api/Dockerfile',
          code: [
            '# Build stage',
            'FROM python:3.12-slim as builder',
            'COPY requirements.txt .',
            'RUN pip install --user -r requirements.txt',
            '',
            '# Production stage',
            'FROM python:3.12-slim',
            'COPY --from=builder /root/.local /root/.local',
            'COPY . /app',
            'WORKDIR /app',
            'CMD ["python", "-m", "api"]',
            '',
          ].join('\n'),
          files: {
            '../docker-compose.api.yaml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: api/Dockerfile\n    restart: unless-stopped\n',
          },
          errors: [
            {
              line: 9,
              column: 6,
              endLine: 9,
              endColumn: 7,
              message:
                'COPY copies the whole build context (., as docker-compose.api.yaml:4 builds it), which has no .dockerignore, so .git, .env files, keys, node_modules and build output go into the image',
            },
          ],
        },
      ],
    });
  });
});
