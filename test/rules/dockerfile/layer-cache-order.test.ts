import { describe, expect, it } from 'vitest';
import layerCacheOrder from '../../../rules/dockerfile/layer-cache-order.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(layerCacheOrder);

describe('dockerfile/layer-cache-order', () => {
  it('is off in the recommended preset', () => {
    expect(layerCacheOrder.meta.recommended).toBe(false);
  });

  it('reports dependency installs that follow a copy of the whole context', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM node:20-slim AS web',
            'WORKDIR /app',
            'COPY . .',
            'RUN npm ci',
            'RUN npm run build',
            '',
            'FROM python:3.12-slim AS api',
            'WORKDIR /srv',
            'COPY requirements.txt .',
            'COPY . .',
            'RUN pip install --no-cache-dir -r requirements.txt',
            '',
            'FROM golang:1.23 AS go',
            'WORKDIR /src',
            'COPY . .',
            'RUN --mount=type=cache,target=/go/pkg/mod \\',
            '    go mod download \\',
            '    && go build -o /out/app ./cmd/app',
            '',
          ].join('\n'),
          errors: [
            {
              line: 4,
              column: 5,
              endLine: 4,
              endColumn: 11,
              message:
                '"npm ci" runs after COPY of the whole build context (line 3), so every source change installs all dependencies again; copy package.json and the lockfile first, install, then copy the rest',
            },
            { line: 11, column: 5, endLine: 11, endColumn: 51 },
            { line: 17, column: 5, endLine: 17, endColumn: 20, message: /^"go mod download" runs after COPY of the whole build context \(line 15\)/ },
          ],
        },
      ],
    });
  });

  it('accepts manifests first, installs inherited from a parent stage and the dummy-build trick', async () => {
    await tester.run({
      valid: [
        [
          'FROM node:20-slim AS web',
          'WORKDIR /app',
          'COPY package.json package-lock.json ./',
          'RUN npm ci',
          'COPY . .',
          'RUN npm run build && npm install -g serve@14',
          '',
          'FROM web AS test',
          'RUN npm ci --include=dev',
          '',
        ].join('\n'),
        [
          'FROM rust:1.83 AS rust',
          'WORKDIR /app',
          'COPY Cargo.toml Cargo.lock ./',
          'RUN mkdir src && echo "fn main() {}" > src/main.rs && cargo build --release',
          'COPY src ./src',
          'RUN cargo build --release',
          '',
        ].join('\n'),
      ],
    });
  });
});
