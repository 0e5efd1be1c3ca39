import { describe, it } from 'vitest';
import multiStage from '../../../rules/dockerfile/multi-stage.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(multiStage);

describe('dockerfile/multi-stage', () => {
  it('reports toolchain installs and builds in the stages that make up the final image', async () => {
    await tester.run({
      invalid: [
        {
          name: 'python',
          filename: 'Dockerfile',
          code: [
            'FROM python:3.12-slim AS base',
            'RUN apt-get update \\',
            '    && apt-get install -y --no-install-recommends \\',
            '        gcc \\',
            '        libpq-dev \\',
            '    && rm -rf /var/lib/apt/lists/*',
            '',
            'FROM base',
            'WORKDIR /app',
            'COPY package.json .',
            'RUN npm run build:prod',
            '',
          ].join('\n'),
          errors: [
            {
              line: 4,
              column: 9,
              endLine: 4,
              endColumn: 12,
              message: 'apt-get installs build toolchain (gcc, libpq-dev) into the final image; install it in a builder stage and COPY --from only the result',
            },
            { line: 11, column: 5, endLine: 11, endColumn: 23 },
          ],
        },
        {
          name: 'rust',
          filename: 'Dockerfile',
          code: 'FROM rust:1.83-alpine\nRUN apk add --no-cache musl-dev\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\nCMD ["/app/target/release/app"]\n',
          errors: [
            { line: 2, column: 24, endLine: 2, endColumn: 32 },
            {
              line: 5,
              column: 5,
              endLine: 5,
              endColumn: 26,
              message: '"cargo build" builds in the final image, which then ships the toolchain and the sources; build in a builder stage and COPY --from the output',
            },
          ],
        },
      ],
    });
  });

  it('leaves builder stages alone, and builds whose toolchain is removed in the same RUN', async () => {
    await tester.run({
      valid: [
        [
          'FROM rust:1.83-alpine AS builder',
          'RUN apk add --no-cache musl-dev',
          'WORKDIR /app',
          'COPY . .',
          'RUN cargo build --release',
          '',
          'FROM alpine:3.21',
          '# build-and-clean in one layer leaves no toolchain behind',
          'RUN apk add --no-cache --virtual .build-deps gcc make musl-dev \\',
          '    && make -C /usr/src/tool install \\',
          '    && apk del .build-deps',
          'COPY --from=builder /app/target/release/app /usr/local/bin/app',
          'CMD ["app"]',
          '',
        ].join('\n'),
      ],
    });
  });
});
