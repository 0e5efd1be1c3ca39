import { describe, it } from 'vitest';
import noSwallowedErrors from '../../../rules/dockerfile/no-swallowed-errors.js';
import { RuleTester } from '../../../src/testing.js';

const CACHING_TRICK = ['FROM rust:1.83-alpine AS builder', 'WORKDIR /app', 'COPY Cargo.toml Cargo.lock ./', 'RUN mkdir src && echo "fn main() {}" > src/main.rs'];
const CACHING_BUILD = 'RUN cargo build --release 2>/dev/null || true';

describe('dockerfile/no-swallowed-errors', () => {
  it('reports || true, || : and a closing || echo at the operator', async () => {
    await new RuleTester(noSwallowedErrors).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM rust:1.83-alpine AS builder',
            'RUN cargo build --release 2>/dev/null || true',
            'RUN make test \\',
            '    || echo "tests failed"',
            'RUN set -e; \\',
            '    npm ci; \\',
            '    npm run lint || :',
            '',
          ].join('\n'),
          errors: [
            { line: 2, column: 39, endColumn: 46, message: '"|| true" turns a failure of "cargo build" into success, so the build goes on with a broken result, and its 2>/dev/null hides the error message as well' },
            { line: 4, column: 5, endColumn: 27, message: '"|| echo" turns a failure of "make test" into success, so the build goes on with a broken result' },
            { line: 7, column: 18, endColumn: 22, message: '"|| :" turns a failure of "npm run" into success, so the build goes on with a broken result' },
          ],
        },
      ],
    });
  });

  it('lets the dependency-caching trick be suppressed inline with its reason', async () => {
    await new RuleTester(noSwallowedErrors).run({
      valid: [
        [
          ...CACHING_TRICK,
          '# stack-lint-disable-next-line dockerfile/no-swallowed-errors -- builds only the dependencies; the dummy main may fail to link',
          CACHING_BUILD,
          'COPY src ./src',
          'RUN touch src/main.rs && cargo build --release',
          '',
        ].join('\n'),
      ],
      invalid: [{ filename: 'Dockerfile', code: [...CACHING_TRICK, CACHING_BUILD, ''].join('\n'), errors: [{ line: 5, column: 39, endColumn: 46 }], name: 'without the comment' }],
    });
  });

  it('accepts answers such as grep and rm, and handlers that fail', async () => {
    await new RuleTester(noSwallowedErrors).run({
      valid: [
        'FROM alpine:3.20\nRUN grep -q alpine /etc/os-release || true\n',
        'FROM alpine:3.20\nRUN rm /tmp/leftover || true\n',
        'FROM alpine:3.20\nRUN make || { echo "build failed" >&2; exit 1; }\n',
        'FROM alpine:3.20\nRUN if ! make check; then echo "checks failed"; exit 1; fi\n',
        'FROM alpine:3.20\nRUN make || (echo "build failed" >&2 && false)\n',
      ],
    });
  });

  it('reads `test && action || other` as the if/else it stands for, but still reports a chain of actions ended by || true', async () => {
    await new RuleTester(noSwallowedErrors).run({
      valid: [
        'FROM debian:12\nARG TARGETARCH\nRUN [ "$TARGETARCH" = "amd64" ] && apt-get install -y --no-install-recommends libfoo || echo "libfoo is not built for $TARGETARCH"\n',
        'FROM python:3.12-slim\nRUN test -f requirements-dev.txt \\\n    && pip install --no-cache-dir -r requirements-dev.txt \\\n    || echo "no dev requirements"\n',
        'FROM alpine:3.20\nRUN grep -q edge /etc/apk/repositories && apk add --no-cache bash || true\n',
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12\nRUN make && make install || true\n',
          errors: [{ line: 2, column: 26, endColumn: 33, message: '"|| true" turns a failure of "make install" into success, so the build goes on with a broken result' }],
        },
      ],
    });
  });
});
