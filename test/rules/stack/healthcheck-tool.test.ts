import { describe, it } from 'vitest';
import rule from '../../../rules/stack/healthcheck-tool.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);
const INSTALL_CURL = "install curl in the image's last stage, or check health with a program the image has";

/** The depot stack: a Rust service on an alpine runtime. */
const DISCOVERY_DOCKERFILE = [
  '# Build stage',
  'FROM rust:1.83-alpine AS builder',
  'RUN apk add --no-cache musl-dev',
  'WORKDIR /app',
  'COPY Cargo.toml Cargo.lock* ./',
  'COPY src ./src',
  'RUN cargo build --release',
  '',
  '# Runtime stage',
  'FROM alpine:3.21',
  'RUN apk add --no-cache ca-certificates',
  'COPY --from=builder /app/target/release/discovery /usr/local/bin/discovery',
  'ENV PORT=4860',
  'EXPOSE 4860',
  'CMD ["discovery"]',
  '',
].join('\n');
const depot = (comment: string, test: string) =>
  [
    comment,
    'services:',
    '  discovery:',
    '    build:',
    '      context: ./discovery',
    '      dockerfile: Dockerfile',
    '    restart: unless-stopped',
    '    ports:',
    '      - "4860:4860"',
    '    healthcheck:',
    `      test: ${test}`,
    '      interval: 10s',
    '      timeout: 3s',
    '      retries: 3',
    '',
  ].join('\n');

describe('stack/healthcheck-tool', () => {
  it('reports curl on an alpine image the Dockerfile does not install it in, at the compose line of the test', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: depot('# The same stack, checked with curl: alpine has no curl', '["CMD", "curl", "-f", "http://localhost:4860/health"]'),
          files: {
            'discovery/Dockerfile': DISCOVERY_DOCKERFILE,
          },
          errors: [
            {
              line: 11,
              column: 22,
              endLine: 11,
              endColumn: 26,
              message:
                'service "discovery"\'s healthcheck runs curl, but its image (alpine:3.21, built by discovery/Dockerfile) has no curl: alpine ships wget (the busybox applet) but not curl and the Dockerfile does not install it; install curl in the image\'s last stage, or use ["CMD", "wget", "-q", "--spider", URL]',
            },
          ],
        },
      ],
    });
  });

  it('reports CMD-SHELL on distroless and a program distroless lacks', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  api:\n    build: .\n    healthcheck:\n      test: ["CMD-SHELL", "/app/healthcheck"]\n',
          files: {
            Dockerfile: [
              'FROM golang:1.23 AS build',
              'WORKDIR /src',
              'COPY . .',
              'RUN CGO_ENABLED=0 go build -o /app/server ./cmd/server',
              '',
              'FROM gcr.io/distroless/static-debian12:nonroot',
              'COPY --from=build /app/server /app/server',
              'ENTRYPOINT ["/app/server"]',
              '',
            ].join('\n'),
          },
          errors: [
            {
              line: 5,
              column: 27,
              endLine: 5,
              endColumn: 45,
              message:
                'service "api"\'s healthcheck runs through /bin/sh (CMD-SHELL), but its image (gcr.io/distroless/static-debian12:nonroot, built by Dockerfile) has no shell: distroless does not ship sh and the Dockerfile does not install it; use the exec form ["CMD", …] with a program the image has',
            },
          ],
        },
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  nginx:',
            '    build: .',
            '    healthcheck:',
            '      test: [\'CMD\', \'service\', \'nginx\', \'status\']',
            '      interval: 30s',
            '  probe:',
            '    image: gcr.io/distroless/static-debian12:nonroot',
            '    healthcheck:',
            '      test: ["CMD", "grpc_health_probe", "-addr=:50051"]',
            '',
          ].join('\n'),
          files: {
            Dockerfile: [
              'FROM debian:bookworm-slim AS build',
              'RUN apt-get update && apt-get install -y --no-install-recommends nginx',
              '',
              'FROM gcr.io/distroless/cc-debian12',
              'COPY --from=build /usr/sbin/nginx /usr/sbin/nginx',
              'COPY nginx.conf /etc/nginx/nginx.conf',
              'ENTRYPOINT ["/usr/sbin/nginx", "-g", "daemon off;"]',
              '',
            ].join('\n'),
          },
          errors: [
            {
              line: 5,
              column: 22,
              endLine: 5,
              endColumn: 29,
              message:
                'service "nginx"\'s healthcheck runs service, but its image (gcr.io/distroless/cc-debian12, built by Dockerfile) has no service: distroless does not ship service and the Dockerfile does not install it; install service in the image\'s last stage, or check health with a program the image has',
            },
            {
              line: 10,
              column: 22,
              endLine: 10,
              endColumn: 39,
              message:
                'service "probe"\'s healthcheck runs grpc_health_probe, but its image gcr.io/distroless/static-debian12:nonroot has no grpc_health_probe: distroless does not ship grpc_health_probe; install grpc_health_probe in the image\'s last stage, or check health with a program the image has',
            },
          ],
        },
      ],
    });
  });

  it('reports curl on slim images and a tool the Dockerfile (or a dockerfile_inline) removes', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  worker:',
            '    build:',
            '      context: .',
            '      dockerfile_inline: |',
            '        FROM python:3.12-slim',
            '        RUN apt-get purge -y curl',
            '    healthcheck:',
            '      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]',
            '',
          ].join('\n'),
          errors: [
            {
              line: 9,
              column: 22,
              endLine: 9,
              endColumn: 26,
              message: `service "worker"'s healthcheck runs curl, but its image (python:3.12-slim, built by an inline Dockerfile) has no curl: line 2 of an inline Dockerfile removes it; ${INSTALL_CURL}`,
            },
          ],
        },
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  api:',
            '    build: .',
            '    healthcheck:',
            '      test: curl --fail http://127.0.0.1:8000/ || exit 1',
            '      interval: 1m',
            '  worker:',
            '    build:',
            '      context: .',
            '      target: worker',
            '    healthcheck:',
            '      test: ["CMD-SHELL", "curl -fsS http://localhost:9000/health || exit 1"]',
            '  cache:',
            '    image: alpine:3.20',
            '    healthcheck:',
            '      test: ["CMD", "curl", "-f", "http://localhost:6379"]',
            '',
          ].join('\n'),
          files: {
            Dockerfile: [
              'FROM python:3.12-slim AS worker',
              'RUN apt-get update && apt-get install -y --no-install-recommends curl \\',
              '    && curl -fsSL -o /tmp/wheel.whl https://example.com/wheel.whl \\',
              '    && apt-get purge -y curl && rm -rf /var/lib/apt/lists/*',
              'CMD ["python", "-m", "worker"]',
              '',
              'FROM python:3.12-slim',
              'CMD ["python", "-m", "api"]',
              '',
            ].join('\n'),
          },
          errors: [
            {
              line: 5,
              column: 13,
              endLine: 5,
              endColumn: 17,
              message: `service "api"'s healthcheck runs curl, but its image (python:3.12-slim, built by Dockerfile) has no curl: python (slim) does not ship curl and the Dockerfile does not install it; ${INSTALL_CURL}`,
            },
            {
              line: 12,
              column: 28,
              endLine: 12,
              endColumn: 32,
              message: `service "worker"'s healthcheck runs curl, but its image (python:3.12-slim, built by Dockerfile, stage "worker") has no curl: line 2 of Dockerfile removes it; ${INSTALL_CURL}`,
            },
            {
              line: 16,
              column: 22,
              endLine: 16,
              endColumn: 26,
              message:
                'service "cache"\'s healthcheck runs curl, but its image alpine:3.20 has no curl: alpine ships wget (the busybox applet) but not curl; install curl in the image\'s last stage, or use ["CMD", "wget", "-q", "--spider", URL]',
            },
          ],
        },
      ],
    });
  });

  it("accepts the seed's alpine runtime checked with busybox wget", async () => {
    await tester.run({
      valid: [
        {
          filename: 'compose.yaml',
          code: depot('# The depot stack: an alpine runtime checked with busybox wget', '["CMD", "wget", "-q", "-O-", "http://localhost:4860/health"]'),
          files: {
            'discovery/Dockerfile': DISCOVERY_DOCKERFILE,
          },
        },
      ],
    });
  });

  it('judges any exec-form program by name only where the image holds no program the stack does not see', async () => {
    await tester.run({
      valid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  # The nginx image is Debian: whether it has `service` and an init script is not known here.',
            '  nginx:',
            '    image: nginx:1.27',
            '    healthcheck:',
            '      test: [\'CMD\', \'service\', \'nginx\', \'status\']',
            '  # A path: the image may hold any file there.',
            '  api:',
            '    image: gcr.io/distroless/static-debian12:nonroot',
            '    healthcheck:',
            '      test: ["CMD", "/app/healthcheck"]',
            '  # The language images of distroless hold their runtime.',
            '  py:',
            '    image: gcr.io/distroless/python3-debian12',
            '    healthcheck:',
            '      test: ["CMD", "python3", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\')"]',
            '  tree:',
            '    build: ./tree',
            '    healthcheck:',
            '      test: ["CMD", "healthcheck"]',
            '  path:',
            '    build: ./path',
            '    healthcheck:',
            '      test: ["CMD", "healthcheck"]',
            '',
          ].join('\n'),
          files: {
            'path/Dockerfile': [
              'FROM golang:1.23 AS build',
              'WORKDIR /src',
              'COPY . .',
              'RUN CGO_ENABLED=0 go build -o /out/ ./cmd/...',
              '',
              'FROM gcr.io/distroless/static-debian12:nonroot',
              'COPY --from=build /out /app',
              'ENV PATH=/app:/usr/bin:/bin',
              'ENTRYPOINT ["server"]',
              '',
            ].join('\n'),
            'tree/Dockerfile': [
              'FROM golang:1.23 AS build',
              'WORKDIR /src',
              'COPY . .',
              'RUN CGO_ENABLED=0 go build -o /out/usr/local/bin/ ./cmd/...',
              '',
              'FROM scratch',
              'COPY --from=build /out/ /',
              'ENTRYPOINT ["/usr/local/bin/server"]',
              '',
            ].join('\n'),
          },
        },
      ],
    });
  });

  it('accepts installed tools, full images that ship curl, unknown bases, pulled images and disabled checks', async () => {
    await tester.run({
      valid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  api:',
            '    build:',
            '      context: .',
            '      dockerfile_inline: |',
            '        FROM python:3.12-slim',
            '        RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
            '    healthcheck:',
            '      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]',
            '',
          ].join('\n'),
        },
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  installs:',
            '    build: installs',
            '    healthcheck:',
            '      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]',
            '  full:',
            '    build: full',
            '    healthcheck:',
            '      test: curl -f http://localhost:8000/ || exit 1',
            '  unknown-base:',
            '    build: unknown',
            '    healthcheck:',
            '      test: ["CMD", "curl", "-f", "http://localhost/"]',
            '  pulled:',
            '    image: nginx:1.27-alpine',
            '    healthcheck:',
            '      test: ["CMD", "wget", "-q", "--spider", "http://localhost/"]',
            '  db:',
            '    image: postgres:16-alpine',
            '    healthcheck:',
            '      test: ["CMD-SHELL", "pg_isready -U postgres"]',
            '  disabled:',
            '    build: unknown',
            '    healthcheck:',
            '      disable: true',
            '  fallback:',
            '    image: alpine:3.20',
            '    healthcheck:',
            '      test: ["CMD-SHELL", "curl -fsS http://localhost:8080/ || wget -qO- http://localhost:8080/ || exit 1"]',
            '  scripted:',
            '    build: scripted',
            '    healthcheck:',
            '      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]',
            '',
          ].join('\n'),
          files: {
            'full/Dockerfile': 'FROM python:3.12\nCMD ["python", "-m", "http.server", "8000"]\n',
            'installs/Dockerfile': 'FROM node:20-alpine\nRUN apk add --no-cache curl=8.11.1-r0\nCMD ["node", "server.js"]\n',
            'scripted/Dockerfile': [
              'FROM python:3.12-slim',
              'COPY install-tools.sh /tmp/install-tools.sh',
              'RUN /tmp/install-tools.sh && rm /tmp/install-tools.sh',
              'CMD ["python", "-m", "app"]',
              '',
            ].join('\n'),
            'scripted/install-tools.sh': [
              '#!/bin/sh',
              'set -eu',
              'apt-get update',
              'apt-get install -y --no-install-recommends curl',
              'rm -rf /var/lib/apt/lists/*',
              '',
            ].join('\n'),
            'unknown/Dockerfile': 'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11-slim\nCOPY app /app\n',
          },
        },
      ],
    });
  });
});
