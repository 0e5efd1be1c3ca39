import { describe, it } from 'vitest';
import rule from '../../../rules/shell/rm-unset-var.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);
const cleanup = (first: string) => ['#!/bin/sh', 'set -eu', 'BUILD_DIR="$1"', first, 'rm -rf "${CACHE_DIR}"/*', 'rm -r $STAGING/', 'rm -rf "$OUT_DIR/releases"', ''].join('\n');
const CLEANUP = cleanup('rm -rf "$BUILD_DIR/"*');

describe('shell/rm-unset-var', () => {
  it('reports rm -r of a path that starts with a variable that may be empty', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'cleanup.sh',
          code: CLEANUP,
          errors: [
            {
              line: 4,
              column: 9,
              endLine: 4,
              endColumn: 19,
              message: 'if BUILD_DIR is empty or unset, `rm -rf "$BUILD_DIR/"*` deletes /* at the root of the file system; write ${BUILD_DIR:?} so the script stops instead',
            },
            {
              line: 5,
              column: 9,
              endLine: 5,
              endColumn: 21,
              message: 'if CACHE_DIR is empty or unset, `rm -rf "${CACHE_DIR}"/*` deletes /* at the root of the file system; write ${CACHE_DIR:?} so the script stops instead',
            },
            {
              line: 6,
              column: 7,
              endLine: 6,
              endColumn: 15,
              message: 'if STAGING is empty or unset, `rm -r $STAGING/` deletes / at the root of the file system; write ${STAGING:?} so the script stops instead',
            },
            {
              line: 7,
              column: 9,
              endLine: 7,
              endColumn: 17,
              message: 'if OUT_DIR is empty or unset, `rm -rf "$OUT_DIR/releases"` deletes /releases at the root of the file system; write ${OUT_DIR:?} so the script stops instead',
            },
          ],
        },
      ],
    });
  });

  it('suggests ${VAR:?} in place of the expansion, never as an automatic fix', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'cleanup.sh',
          code: CLEANUP,
          errors: [{ line: 4, column: 9, suggestionOutputs: [cleanup('rm -rf "${BUILD_DIR:?}/"*')] }, { line: 5, column: 9 }, { line: 6, column: 7 }, { line: 7, column: 9 }],
        },
      ],
    });
  });

  it('runs on RUN bodies: an ARG without default, on the third line of the RUN', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:bookworm-slim\nARG CACHE_DIR\nRUN set -eux; \\\n    mkdir -p /opt/app; \\\n    rm -rf "$CACHE_DIR"/* /tmp/*\n',
          errors: [{ line: 5, column: 13, endLine: 5, endColumn: 23 }],
        },
      ],
    });
  });

  it('accepts variables that are surely set, ${VAR:?}, HOME, paths without a slash and plain rm', async () => {
    await tester.run({
      valid: [
        { filename: 'Dockerfile', code: 'FROM debian:bookworm-slim\nENV APP_HOME=/opt/app\nARG CACHE=/var/cache/app\nRUN rm -rf "$APP_HOME/"* "$CACHE/"*\n' },
        {
          filename: 'cleanup.sh',
          code: [
            '#!/bin/sh',
            'set -eu',
            'WORK_DIR=/srv/app/work',
            'rm -rf "$WORK_DIR/"*',
            'TMP=$(mktemp -d)',
            'rm -rf "$TMP/"*',
            'rm -rf "${BUILD_DIR:?}/"*',
            'rm -rf "$HOME/.cache/pip"',
            'rm -rf "$GNUPGHOME"',
            'rm -f "$LOG_DIR/app.log"',
            'for d in node_modules dist; do rm -rf "$d/"; done',
            'OUT="${OUT:-/tmp/out}"',
            'rm -rf "$OUT/"*',
            '',
          ].join('\n'),
        },
      ],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    rm -rf \"$BUILD_DIR\"/*\n',
          errors: [{ line: 3, column: 13, endLine: 3, endColumn: 23 }],
        },
      ],
    });
  });
});
