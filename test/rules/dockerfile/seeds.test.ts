import { describe, it } from 'vitest';
import { dockerfileRules } from '../../../rules/dockerfile/index.js';
import { RuleTester, type ExpectedError } from '../../../src/testing.js';

/** The rules of this part of the catalog (the other Dockerfile rules have their own tests). */
const RULES = [
  'apk-no-cache', 'apt-hygiene', 'copy-not-add', 'cuda-base-image', 'dockerignore', 'exec-form', 'healthcheck', 'layer-cache-order',
  'multi-stage', 'no-cd', 'no-exposed-ssh', 'no-package-upgrade', 'no-secret-files', 'no-secrets-in-env-arg', 'no-swallowed-errors',
  'no-system-workdir', 'no-tls-bypass', 'no-unsigned-packages', 'non-root-user', 'pip-no-cache', 'pipefail', 'stage-name-casing',
  'update-with-install',
].map((r) => `dockerfile/${r}`);

interface Expected {
  errors: ExpectedError[];
  output?: string;
}

/** Runs every rule of RULES over a seed Dockerfile: the ones named in `expected` find exactly that, the others nothing. */
async function lintSeed(code: string, expected: Record<string, Expected>): Promise<void> {
  for (const id of RULES) {
    const rule = dockerfileRules.find((r) => r.meta.id === id)!;
    const want = expected[id];
    await new RuleTester(rule).run(want ? { invalid: [{ filename: 'Dockerfile', code, ...want }] } : { valid: [code] });
  }
}

describe('the Dockerfiles of the seed documents', () => {
  it('000: "as builder", pip without --no-cache-dir, no USER, COPY . without .dockerignore', async () => {
    const code = [
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
      '',
    ].join('\n');
    await lintSeed(code, {
      'dockerfile/stage-name-casing': { errors: [{ line: 2, column: 23, endColumn: 25 }], output: code.replace(' as builder', ' AS builder') },
      'dockerfile/pip-no-cache': { errors: [{ line: 4, column: 9, endColumn: 16 }], output: code.replace('pip install', 'pip install --no-cache-dir') },
      'dockerfile/non-root-user': { errors: [{ line: 7, column: 6, endColumn: 22 }] },
      'dockerfile/dockerignore': { errors: [{ line: 9, column: 6, endColumn: 7 }] },
    });
  });

  it('000 (GPU): the nvidia/cuda tag does not exist; apt-get without --no-install-recommends and cleanup', async () => {
    const code = '# For processor service\nFROM nvidia/cuda:11.8-runtime-ubuntu22.04\nRUN apt-get update && apt-get install -y python3 python3-pip\n';
    await lintSeed(code, {
      'dockerfile/cuda-base-image': { errors: [{ line: 2, column: 6, endColumn: 42 }] },
      'dockerfile/non-root-user': { errors: [{ line: 2, column: 6, endColumn: 42 }] },
      'dockerfile/apt-hygiene': {
        output: code.replace('install -y python3 python3-pip', 'install -y --no-install-recommends python3 python3-pip && rm -rf /var/lib/apt/lists/*'),
        errors: [
          { line: 3, column: 5, endColumn: 19 },
          { line: 3, column: 31, endColumn: 38 },
        ],
      },
    });
  });

  it('001: the dependency-caching build swallows its errors; the multi-stage build passes multi-stage and non-root-user', async () => {
    const code = [
      'FROM rust:1.83-alpine AS builder',
      'RUN apk add --no-cache musl-dev',
      'WORKDIR /app',
      'COPY Cargo.toml Cargo.lock* ./',
      'RUN mkdir src && echo "fn main() {}" > src/main.rs',
      'RUN cargo build --release 2>/dev/null || true',
      'COPY src ./src',
      'RUN touch src/main.rs',
      'RUN cargo build --release',
      '',
      'FROM alpine:3.21',
      'RUN apk add --no-cache ca-certificates',
      'RUN addgroup -g 1000 appuser && \\',
      '    adduser -D -u 1000 -G appuser appuser',
      'COPY --from=builder --chown=appuser:appuser /app/target/release/discovery /usr/local/bin/discovery',
      'ENV PORT=4860',
      'ENV RUST_LOG=info',
      'EXPOSE 4860',
      'USER appuser',
      'CMD ["discovery"]',
      '',
    ].join('\n');
    await lintSeed(code, {
      'dockerfile/no-swallowed-errors': { errors: [{ line: 6, column: 39, endColumn: 46 }] },
      'dockerfile/healthcheck': { errors: [{ line: 11, column: 6, endColumn: 17 }] },
    });
  });

  it('002: "as builder", installs with recommends, COPY . without .dockerignore; multi-stage and non-root-user pass', async () => {
    const code = [
      'FROM python:3.11-slim as builder',
      'RUN apt-get update && apt-get install -y \\',
      '    gcc \\',
      '    g++ \\',
      '    curl \\',
      '    && rm -rf /var/lib/apt/lists/*',
      'COPY requirements.txt .',
      'RUN pip install --no-cache-dir --user -r requirements.txt',
      '',
      'FROM python:3.11-slim',
      'RUN apt-get update && apt-get install -y \\',
      '    curl \\',
      '    && rm -rf /var/lib/apt/lists/* \\',
      '    && useradd --create-home --shell /bin/bash app',
      'COPY --from=builder /root/.local /home/app/.local',
      'ENV PATH=/home/app/.local/bin:$PATH',
      'WORKDIR /app',
      'COPY --chown=app:app . .',
      'USER app',
      'HEALTHCHECK --interval=30s --timeout=10s --start-period=40s --retries=3 \\',
      '    CMD curl -f http://localhost:8000/api/health || exit 1',
      'EXPOSE 8000',
      'CMD ["uvicorn", "src.main:app", "--host", "0.0.0.0", "--port", "8000"]',
      '',
    ].join('\n');
    await lintSeed(code, {
      'dockerfile/stage-name-casing': { errors: [{ line: 1, column: 23, endColumn: 25 }], output: code.replace(' as builder', ' AS builder') },
      'dockerfile/apt-hygiene': {
        output: code.replaceAll('install -y \\', 'install -y --no-install-recommends \\'),
        errors: [
          { line: 2, column: 31, endColumn: 38 },
          { line: 11, column: 31, endColumn: 38 },
        ],
      },
      'dockerfile/dockerignore': { errors: [{ line: 18, column: 22, endColumn: 23 }] },
    });
  });
});
