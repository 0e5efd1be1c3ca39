import { describe, it } from 'vitest';
import multiStage from '../../../rules/dockerfile/multi-stage.js';
import runtimeDevTools from '../../../rules/dockerfile/runtime-dev-tools.js';
import { RuleTester } from '../../../src/testing.js';

function installs(what: string): string {
  return `the final stage installs ${what}, into the runtime image: it makes the image bigger and hands whoever breaks in a tool; build in an earlier stage and copy only the result`;
}

const BUILDER = 'FROM rust:1.83-alpine AS builder\nRUN apk add --no-cache musl-dev build-base\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\n\n';

describe('dockerfile/runtime-dev-tools', () => {
  it('reports editors and debuggers the final stage of a multi-stage build installs, at each package', async () => {
    await new RuleTester(runtimeDevTools).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: `${BUILDER}FROM alpine:3.21\nRUN apk add --no-cache ca-certificates curl vim bash\nRUN apk add --no-cache --virtual .debug gdb strace\nCMD ["discovery"]\n`,
          errors: [
            { line: 8, column: 45, endColumn: 48, message: installs('vim, an editor') },
            { line: 9, column: 41, endColumn: 44, message: installs('gdb, a debugger') },
            { line: 9, column: 45, endColumn: 51, message: installs('strace, a debugger') },
          ],
          name: 'apk',
        },
      ],
    });
  });

  it('accepts tools in build stages, a virtual group removed again, a development stage built last and single-stage builds', async () => {
    await new RuleTester(runtimeDevTools).run({
      valid: [
        {
          filename: 'Dockerfile',
          code: `${BUILDER}FROM alpine:3.21\n# Only install what's needed at runtime\nRUN apk add --no-cache \\\n    ca-certificates  # For HTTPS requests\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev \\\n && pip install --no-cache-dir uwsgi \\\n && apk del .build-deps\n`,
          name: 'build stage and a removed virtual group',
        },
        {
          filename: 'Dockerfile.dev',
          code: 'FROM node:22.11-bookworm-slim AS base\nWORKDIR /app\n\nFROM base AS development\nRUN apt-get update && apt-get install -y --no-install-recommends vim gdb && rm -rf /var/lib/apt/lists/*\n',
          name: 'a development stage',
        },
        {
          filename: 'Dockerfile.single',
          code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\n',
          name: 'single stage',
        },
      ],
    });
  });

  it('leaves compilers and headers in the final stage to dockerfile/multi-stage, which reports them once', async () => {
    // A runtime stage that compiles Python packages: multi-stage names the whole toolchain at its first package.
    const code = [
      'FROM python:3.12-slim AS base',
      'WORKDIR /app',
      '',
      'FROM base AS runtime',
      'RUN apt-get update && \\',
      '  apt-get install -y --no-install-recommends \\',
      '  pkg-config \\',
      '  build-essential \\',
      '  libpq-dev \\',
      '  g++ unixodbc-dev \\',
      '  && rm -rf /var/lib/apt/lists/*',
      '',
    ].join('\n');
    await new RuleTester(runtimeDevTools).run({ valid: [{ filename: 'Dockerfile', code }] });
    await new RuleTester(multiStage).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code,
          errors: [{ line: 7, column: 3, message: 'apt-get installs build toolchain (pkg-config, build-essential, libpq-dev, g++, unixodbc-dev) into the final image; install it in a builder stage and COPY --from only the result' }],
        },
      ],
    });
  });

  it('takes more packages from its options', async () => {
    const code = 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\n\nFROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends curl\n';
    await new RuleTester(runtimeDevTools).run({
      valid: [{ filename: 'Dockerfile', code }],
      invalid: [{ filename: 'Dockerfile', code, options: { extra: ['curl'] }, errors: [{ line: 5, column: 48, message: /^the final stage installs curl, a development tool, into the runtime image/ }] }],
    });
  });
});
