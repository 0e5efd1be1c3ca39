import { describe, it } from 'vitest';
import rule from '../../../rules/shell/shebang.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);
const SH = 'the script runs under #!/bin/sh (dash on Debian and Ubuntu); write POSIX sh or change the shebang to bash';
const RUN = 'RUN runs it with /bin/sh -c (dash on Debian and Ubuntu images); write POSIX sh or set SHELL ["/bin/bash", "-c"]';
const NO_SHEBANG = '# deploy.sh: pull and restart the stack\ndocker compose pull\ndocker compose up -d --wait\n';

describe('shell/shebang', () => {
  it('reports a .sh script that runs commands without a shebang, with a suggested #! line and no automatic fix', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'no-shebang.sh',
          code: NO_SHEBANG,
          errors: [
            {
              line: 1,
              column: 1,
              endLine: 1,
              endColumn: 40,
              message: 'no-shebang.sh has no shebang, so it runs under whatever shell starts it; begin it with "#!/bin/sh"',
              suggestionOutputs: [`#!/bin/sh\n${NO_SHEBANG}`],
            },
          ],
        },
      ],
    });
  });

  it('reports a #! line that is not first, and options after /usr/bin/env', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'env-options.sh',
          code: '#!/usr/bin/env bash -e\necho "options after env do not work"\n',
          errors: [
            {
              line: 1,
              column: 1,
              endLine: 1,
              endColumn: 23,
              message: '"bash -e" reaches env as one argument on Linux, so the script does not start; use "#!/usr/bin/env -S bash -e" or set the options inside the script',
            },
          ],
        },
        {
          filename: 'late-shebang.sh',
          code: '\n#!/bin/sh\necho "the kernel never sees the shebang"\n',
          errors: [{ line: 2, column: 1, endLine: 2, endColumn: 10, message: 'the #! line is not the first line of the file, so the kernel ignores it; move it to the very start' }],
        },
      ],
    });
  });

  it('reports every bash-only construct under #!/bin/sh at its place', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'bashisms.sh',
          code: [
            '#!/bin/sh',
            'set -eu',
            '',
            'services=(api worker)',
            'if [[ -n "${DEPLOY_ENV:-}" ]]; then',
            '  echo "deploying ${services[0]} to $DEPLOY_ENV"',
            'fi',
            'function cleanup { rm -f /tmp/deploy.lock; }',
            'source ./lib.sh',
            '[ "$1" == "--force" ] && echo forced',
            'echo "${DEPLOY_ENV//-/_}"',
            'diff <(sort a.txt) <(sort b.txt) &> /dev/null',
            'read -r first <<< "$LINE"',
            'mkdir -p /srv/app/{logs,data}',
            '',
          ].join('\n'),
          errors: [
            { line: 4, column: 1, endLine: 4, endColumn: 22, message: `arrays: bash-only syntax, but ${SH}` },
            { line: 5, column: 4, endLine: 5, endColumn: 30, message: `\`[[ ]]\`: bash-only syntax, but ${SH}` },
            { line: 6, column: 19, endLine: 6, endColumn: 33, message: `arrays: bash-only syntax, but ${SH}` },
            { line: 8, column: 1, endLine: 8, endColumn: 9, message: `the \`function\` keyword (POSIX sh has \`name() { …; }\`): bash-only syntax, but ${SH}` },
            { line: 9, column: 1, endLine: 9, endColumn: 7, message: `\`source\` (POSIX sh has \`.\`): bash-only syntax, but ${SH}` },
            { line: 10, column: 8, endLine: 10, endColumn: 10, message: `\`==\` in \`[ ]\` (POSIX sh has \`=\`): bash-only syntax, but ${SH}` },
            { line: 11, column: 7, endLine: 11, endColumn: 25, message: `pattern substitution \`\${var//a/b}\`: bash-only syntax, but ${SH}` },
            { line: 12, column: 6, endLine: 12, endColumn: 19, message: `process substitution \`<(…)\`: bash-only syntax, but ${SH}` },
            { line: 12, column: 20, endLine: 12, endColumn: 33, message: `process substitution \`<(…)\`: bash-only syntax, but ${SH}` },
            { line: 12, column: 34, endLine: 12, endColumn: 46, message: `\`&>\` redirection (POSIX sh has \`>file 2>&1\`): bash-only syntax, but ${SH}` },
            { line: 13, column: 15, endLine: 13, endColumn: 26, message: `here-strings \`<<<\`: bash-only syntax, but ${SH}` },
            { line: 14, column: 10, endLine: 14, endColumn: 30, message: `brace expansion \`{a,b}\`: bash-only syntax, but ${SH}` },
          ],
        },
      ],
    });
  });

  it('reports bash-only syntax inside a multi-line RUN under the default /bin/sh, at its line and column', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM debian:bookworm-slim',
            'RUN set -eux; \\',
            '    if [[ "$(uname -m)" == "x86_64" ]]; then \\',
            '      echo amd64 > /arch; \\',
            '    fi; \\',
            '    source /etc/os-release',
            '',
          ].join('\n'),
          errors: [
            { line: 3, column: 8, endLine: 3, endColumn: 39, message: `\`[[ ]]\`: bash-only syntax, but ${RUN}` },
            { line: 6, column: 5, endLine: 6, endColumn: 11, message: `\`source\` (POSIX sh has \`.\`): bash-only syntax, but ${RUN}` },
          ],
        },
      ],
    });
  });

  it('accepts libraries, sourced files, directives, POSIX code, bash scripts, alpine and SHELL bash RUNs', async () => {
    await tester.run({
      valid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM alpine:3.20 AS tools',
            'RUN if [[ -f /etc/alpine-release ]]; then echo alpine; fi',
            '',
            'FROM debian:bookworm-slim',
            'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
            'RUN if [[ -f /etc/debian_version ]]; then source /etc/os-release; fi',
            '',
          ].join('\n'),
        },
        { filename: 'bash.sh', code: '#!/usr/bin/env bash\nset -euo pipefail\nservices=(api worker)\nif [[ ${#services[@]} -gt 1 ]]; then echo "${services[*]}"; fi\n' },
        {
          filename: 'common.sh',
          code: '# common.sh: sourced by main.sh, so it needs no shebang\n. /etc/os-release\necho "running on $ID"\n',
          files: { 'main.sh': '#!/bin/sh\nset -eu\n. "$(dirname "$0")/common.sh"\necho done\n' },
        },
        { filename: 'directive.sh', code: '# shellcheck shell=bash\ndocker compose ps\n' },
        { filename: 'lib.sh', code: "# lib.sh: helpers, sourced by deploy scripts\nlog() { printf '%s\\n' \"$*\" >&2; }\ndie() { log \"$@\"; exit 1; }\nexport COMPOSE_PROJECT_NAME=shop\n" },
        {
          filename: 'posix.sh',
          code: [
            '#!/bin/sh',
            'set -eu',
            'greet() {',
            '  local name="$1"',
            '  echo "hello ${name:-world}, ${#name} letters"',
            '}',
            'file="backup.tar.gz"',
            'echo "${file%.tar.gz}" "${file#backup}" $((1 + 2))',
            'if [ "$file" = "backup.tar.gz" ]; then greet "$file"; fi',
            'case "$file" in',
            '  *.gz) echo "{not,a,brace,list}" ;;',
            'esac',
            "find . -name '*.tmp' -exec rm -f {} +",
            'echo "$BASH_VERSION" > /dev/null 2>&1',
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
          code: 'FROM debian:12\nRUN apt-get update && \\\n    [[ -f /etc/hosts ]] && \\\n    echo ok\n',
          errors: [{ line: 3, column: 5, endLine: 3, endColumn: 24 }],
        },
      ],
    });
  });
});
