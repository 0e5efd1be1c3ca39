import { describe, expect, it } from 'vitest';
import quoteExpansions from '../../../rules/shell/quote-expansions.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(quoteExpansions);
const SPLIT = 'is split into words and glob-expanded; double-quote it to pass the value as one argument';
const release = (lines: string[]) => ['#!/bin/sh', 'set -eu', 'target=$1', ...lines, ''].join('\n');
const RELEASE = release([
  'cp $target /srv/releases/',
  'tar -xzf "$target" -C $DEST_DIR/current',
  'for host in $HOSTS; do ssh $host "systemctl restart app"; done',
  'echo "released $(date +%F)" >> $LOG_FILE',
  'docker run --rm -v $PWD:/src alpine ls /src',
  '[ -n $TAG ] && echo "tag $TAG"',
  'rm -f ${TMP_DIR}/*.lock',
  'exec app-server $@',
]);
const RELEASE_FIXED = release([
  'cp "$target" /srv/releases/',
  'tar -xzf "$target" -C "$DEST_DIR/current"',
  'for host in $HOSTS; do ssh "$host" "systemctl restart app"; done',
  'echo "released $(date +%F)" >> "$LOG_FILE"',
  'docker run --rm -v "$PWD:/src" alpine ls /src',
  '[ -n "$TAG" ] && echo "tag $TAG"',
  'rm -f "${TMP_DIR}"/*.lock',
  'exec app-server "$@"',
]);
const build = (echo: string) =>
  [
    'FROM debian:bookworm-slim',
    'ARG VERSION',
    'ENV APP_HOME=/opt/app',
    'RUN set -eux; \\',
    '    mkdir -p $APP_HOME; \\',
    '    curl -fsSLo /tmp/app.tgz "https://example.com/app-${VERSION}.tgz"; \\',
    '    tar -xzf /tmp/app.tgz -C $APP_HOME --strip-components=1; \\',
    `    ${echo}`,
    '',
  ].join('\n');

describe('shell/quote-expansions', () => {
  it('is off in the recommended preset, and its fix is unsafe', () => {
    expect(quoteExpansions.meta.recommended).toBe(false);
    expect(quoteExpansions.meta.fix).toBe('unsafe');
  });

  it('reports unquoted expansions in arguments, redirects and [ ] tests; quotes the whole word when that keeps its meaning, else only the expansion', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'release.sh',
          code: RELEASE,
          errors: [
            { line: 4, column: 4, endLine: 4, endColumn: 11, message: `unquoted $target ${SPLIT}` },
            { line: 5, column: 23, endLine: 5, endColumn: 32, message: `unquoted $DEST_DIR ${SPLIT}` },
            { line: 6, column: 28, endLine: 6, endColumn: 33, message: `unquoted $host ${SPLIT}` },
            { line: 7, column: 32, endLine: 7, endColumn: 41, message: `unquoted $LOG_FILE ${SPLIT}` },
            { line: 8, column: 20, endLine: 8, endColumn: 24, message: `unquoted $PWD ${SPLIT}` },
            { line: 9, column: 6, endLine: 9, endColumn: 10, message: `unquoted $TAG ${SPLIT}` },
            { line: 10, column: 7, endLine: 10, endColumn: 17, message: `unquoted \${TMP_DIR} ${SPLIT}` },
            {
              line: 11,
              column: 17,
              endLine: 11,
              endColumn: 19,
              message: 'unquoted $@ splits every element again and glob-expands it; quote it ("$@") to pass the elements as they are',
            },
          ],
          output: RELEASE_FIXED,
        },
      ],
      valid: [{ filename: 'release.sh', code: RELEASE_FIXED, name: 'the fixed script' }],
    });
  });

  it('runs on RUN bodies: an ARG without default is reported at its line and column, a plain ENV is not', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: build('echo $VERSION > $APP_HOME/VERSION'),
          errors: [{ line: 8, column: 10, endLine: 8, endColumn: 18 }],
          output: build('echo "$VERSION" > $APP_HOME/VERSION'),
        },
      ],
    });
  });

  it('leaves alone what cannot split or splits on purpose', async () => {
    await tester.run({
      valid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM alpine:3.20',
            'ARG VERSION=1.4.2',
            'ENV APP_HOME=/opt/app \\',
            '    BUILD_DEPS="gcc musl-dev"',
            'RUN apk add --no-cache --virtual .build-deps $BUILD_DEPS \\',
            ' && mkdir -p $APP_HOME \\',
            ' && echo $VERSION > $APP_HOME/VERSION \\',
            ' && apk del .build-deps',
            '',
          ].join('\n'),
        },
        {
          filename: 'quoted.sh',
          code: [
            '#!/bin/bash',
            'set -euo pipefail',
            'readonly VERSION=1.4.2',
            'count=3',
            'name="${1:-web}"',
            'echo "$name" $# $? $$ ${#name} $((count + 1)) "$@"',
            'echo $VERSION $count ${count}',
            'case $name in web) echo web ;; esac',
            'for f in $(ls); do echo "$f"; done',
            'if [[ $name == web* ]]; then echo "match"; fi',
            'copy=$name',
            'export NAME=$name',
            'cat <<EOF',
            '$name is not split inside a heredoc',
            'EOF',
            'read -r first <<< $name',
            'curl ${VERBOSE:+-v} https://example.com',
            'docker run $DOCKER_OPTS nginx',
            'apt-get install -y $PACKAGES',
            'set -- $name',
            '$CMD --version',
            'make -j$(nproc) install',
            'WORDS="alpha beta"',
            "printf '%s\\n' $WORDS",
            'echo "$copy $first"',
            '',
          ].join('\n'),
        },
      ],
    });
  });

  it('leaves alone variables that only ever hold integers: $?, $#, $$, $!, lengths and arithmetic, as ShellCheck does', async () => {
    const script = [
      '#!/bin/bash',
      'failure_count=0',
      'while true; do',
      '  celery --app=dojo status',
      '  BROKER_TEST=$?',
      '  [ $BROKER_TEST = 0 ] && break',
      '  failure_count=$((failure_count + 1))',
      '  ((tries++))',
      '  [ $failure_count -ge 10 ] && exit $BROKER_TEST',
      'done',
      'sleep 60 &',
      'PID=$!',
      'wait $PID',
      'COUNT="$#"',
      'LEN=${#1}',
      'echo $COUNT $LEN $tries',
      '',
    ].join('\n');
    await tester.run({
      valid: [{ filename: 'wait.sh', code: script }],
      invalid: [
        {
          filename: 'wait.sh',
          code: '#!/bin/bash\nRESULT=$?\nRESULT=$1\nexit $RESULT\n',
          errors: [{ line: 4, column: 6, endColumn: 13, message: /^unquoted \$RESULT is split into words/ }],
          output: '#!/bin/bash\nRESULT=$?\nRESULT=$1\nexit "$RESULT"\n',
        },
      ],
    });
  });

  it('in a RUN, knows an ENV set from an ARG default (ENV appuser=${appuser}) holds that default', async () => {
    const dockerfile = (arg: string) =>
      `FROM python:3.12-slim\n${arg}\nENV appuser=\${appuser} home=/home/\${appuser}\nRUN adduser --ingroup \${appuser} \${appuser} && mkdir -p $home\n`;
    await tester.run({
      valid: [{ filename: 'Dockerfile', code: dockerfile('ARG appuser=defectdojo') }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: dockerfile('ARG appuser'),
          errors: [
            { line: 4, column: 23, endColumn: 33, message: /^unquoted \$\{appuser\} is split/ },
            { line: 4, column: 34, endColumn: 44, message: /^unquoted \$\{appuser\} is split/ },
            { line: 4, column: 57, endColumn: 62, message: /^unquoted \$home is split/ },
          ],
          output: 'FROM python:3.12-slim\nARG appuser\nENV appuser=${appuser} home=/home/${appuser}\nRUN adduser --ingroup "${appuser}" "${appuser}" && mkdir -p "$home"\n',
        },
      ],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    cp $SRC /dst\n',
          errors: [{ line: 3, column: 8, endLine: 3, endColumn: 12 }],
          output: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    cp \"$SRC\" /dst\n',
        },
      ],
    });
  });
});
