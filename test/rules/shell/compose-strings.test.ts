import { describe, it } from 'vitest';
import backticks from '../../../rules/shell/no-backticks.js';
import forQuoted from '../../../rules/shell/for-quoted-list.js';
import quote from '../../../rules/shell/quote-expansions.js';
import shebang from '../../../rules/shell/shebang.js';
import afterExec from '../../../rules/shell/no-commands-after-exec.js';
import rmUnset from '../../../rules/shell/rm-unset-var.js';
import { RuleTester } from '../../../src/testing.js';

// Shell rules that read RUN bodies also read a compose file's shell strings, with positions in the compose file.
describe('shell rules on compose shell strings', () => {
  it('reports inside a ["sh", "-c", …] list item and a CMD-SHELL test, at the text in the YAML; fixes as the YAML spells it', async () => {
    await new RuleTester(quote).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  web:\n    image: python:3.12\n    command: ["sh", "-c", "echo $$HOME"]\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U \\"x\\" $$1"]\n',
          errors: [
            { line: 4, column: 33, endLine: 4, endColumn: 39, message: /unquoted \$HOME/ },
            { line: 6, column: 48, endLine: 6, endColumn: 51, message: /unquoted \$1/ },
          ],
          output:
            'services:\n  web:\n    image: python:3.12\n    command: ["sh", "-c", "echo \\"$$HOME\\""]\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U \\"x\\" \\"$$1\\""]\n',
        },
      ],
    });
  });

  it("leaves compose's own interpolation alone: ${PORT} and $PORT are replaced before the shell runs", async () => {
    await new RuleTester(quote).run({
      valid: [
        { filename: 'compose.yaml', code: 'services:\n  web:\n    image: nginx\n    healthcheck:\n      test: curl -f http://localhost:${PORT:-80}/ || exit 1\n' },
        { filename: 'compose.yaml', code: 'services:\n  web:\n    image: nginx\n    command: ["sh", "-c", "exec nginx -p $PREFIX"]\n' },
        // a string command is split into words by compose, not run by a shell
        { filename: 'compose.yaml', code: 'services:\n  web:\n    image: nginx\n    command: echo $$HOME\n' },
      ],
    });
  });

  it('reads the script word of a string `sh -c "…"` through compose\'s word splitting and the YAML quoting', async () => {
    await new RuleTester(backticks).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  job:\n    image: debian\n    command: sh -c "echo \\"$$HOME\\" `id -u`"\n',
          errors: [{ line: 4, column: 37, endLine: 4, endColumn: 44 }],
          output: 'services:\n  job:\n    image: debian\n    command: sh -c "echo \\"$$HOME\\" $$(id -u)"\n',
        },
        {
          // in a double-quoted YAML scalar the word's quotes are escaped twice, and so is what the fix writes
          filename: 'compose.yaml',
          code: 'services:\n  job:\n    image: debian\n    entrypoint: "bash -c \\"echo \\\\\\"`id`\\\\\\"\\""\n',
          errors: [{ line: 4, column: 37, endLine: 4, endColumn: 41 }],
          output: 'services:\n  job:\n    image: debian\n    entrypoint: "bash -c \\"echo \\\\\\"$$(id)\\\\\\"\\""\n',
        },
        {
          // an indentation indicator counts from the parent's indentation: not mapped exactly, so at the scalar's start, with no fix
          filename: 'compose.yaml',
          code: 'services:\n  job:\n    image: debian\n    command:\n      - sh\n      - -c\n      - |2\n          echo `id`\n',
          errors: [{ line: 7, column: 9, endLine: 7, endColumn: 9 }],
        },
      ],
    });
  });

  it('maps a literal block line by line', async () => {
    await new RuleTester(forQuoted).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  db:\n    image: postgres:16\n    entrypoint:\n      - bash\n      - -c\n      - |\n        set -e\n        for f in "*.sql"; do\n          echo "$$f"\n        done\n',
          errors: [{ line: 9, column: 18, endLine: 9, endColumn: 25 }],
        },
      ],
    });
  });

  it('reads a folded block scalar, and `entrypoint: [sh, -c]` with the script as the command', async () => {
    await new RuleTester(quote).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  a:\n    image: debian\n    entrypoint: ["sh", "-c"]\n    command:\n      - >\n        echo one &&\n        echo $$1\n',
          errors: [{ line: 8, column: 14, endLine: 8, endColumn: 17 }],
          output: 'services:\n  a:\n    image: debian\n    entrypoint: ["sh", "-c"]\n    command:\n      - >\n        echo one &&\n        echo "$$1"\n',
        },
      ],
    });
  });

  it('reports bashisms in CMD-SHELL where the image runs dash as /bin/sh, not where it may be busybox ash', async () => {
    await new RuleTester(shebang).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "[[ -f /ready ]]"]\n',
          errors: [{ line: 5, column: 28, message: /the healthcheck runs with \/bin\/sh -c/ }],
        },
      ],
      valid: [
        { filename: 'compose.yaml', code: 'services:\n  m:\n    image: mailhog/mailhog\n    entrypoint: ["/bin/sh", "-c", "MailHog &>/dev/null"]\n' },
        { filename: 'compose.yaml', code: 'services:\n  r:\n    image: redis:alpine\n    healthcheck:\n      test: ["CMD-SHELL", "[[ -f /ready ]]"]\n' },
        { filename: 'compose.yaml', code: 'services:\n  b:\n    image: debian\n    command: ["bash", "-c", "[[ -f /ready ]]"]\n' },
      ],
    });
  });

  it('a YAML suppression comment above the key applies', async () => {
    await new RuleTester(quote).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  web:\n    image: python:3.12\n    # stack-lint-disable-next-line shell/quote-expansions -- word splitting wanted\n    command: ["sh", "-c", "echo $$ARGS"]\n',
        },
      ],
    });
  });
});

describe('quote-expansions in compose shell strings', () => {
  it("knows the values the service's environment sets: a file path without blanks needs no quotes", async () => {
    await new RuleTester(quote).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  redis:\n    image: redis\n    environment:\n      PASSWORD_FILE: /run/secrets/redis\n    command: ["sh", "-c", "exec redis-server --requirepass \\"$$(cat $$PASSWORD_FILE)\\""]\n',
        },
      ],
      invalid: [
        {
          // a value compose interpolates from the host is not known
          filename: 'compose.yaml',
          code: 'services:\n  redis:\n    image: redis\n    environment:\n      PASSWORD_FILE: ${FILE}\n    command: ["sh", "-c", "exec redis-server --requirepass \\"$$(cat $$PASSWORD_FILE)\\""]\n',
          errors: [{ line: 6, column: 69, message: /unquoted \$PASSWORD_FILE/ }],
          output: 'services:\n  redis:\n    image: redis\n    environment:\n      PASSWORD_FILE: ${FILE}\n    command: ["sh", "-c", "exec redis-server --requirepass \\"$$(cat \\"$$PASSWORD_FILE\\")\\""]\n',
        },
      ],
    });
  });
});

describe('line numbers in messages', () => {
  it('name the line of the compose file, not of the script', async () => {
    await new RuleTester(afterExec).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  app:\n    image: debian\n    command:\n      - sh\n      - -c\n      - |\n        exec app\n        rm -f /tmp/lock\n',
          errors: [{ line: 8, column: 9, message: /from line 9\)/ }],
        },
      ],
    });
  });
});

describe('rm-unset-var in compose shell strings', () => {
  it("knows a variable the service's environment sets is not empty", async () => {
    await new RuleTester(rmUnset).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  clean:\n    image: debian\n    environment:\n      CACHE_DIR: /var/cache/app\n    command: ["sh", "-c", "rm -rf $$CACHE_DIR/*"]\n',
        },
      ],
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  clean:\n    image: debian\n    command: ["sh", "-c", "rm -rf $$CACHE_DIR/*"]\n',
          errors: [{ line: 4, column: 35, endLine: 4, endColumn: 46, message: /if CACHE_DIR is empty or unset/ }],
        },
      ],
    });
  });
});
