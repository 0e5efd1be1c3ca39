import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import rule from '../../../rules/shell/shellcheck.js';
import { createRegistry } from '../../../src/core/registry.js';
import { offsetOf } from '../../../src/engine/shellcheck.js';
import { RuleTester } from '../../../src/testing.js';

const HAVE_SHELLCHECK = spawnSync('shellcheck', ['--version']).status === 0;
const tester = new RuleTester(rule);
const BAD_DOCKERFILE = [
  'FROM debian:bookworm-slim',
  'ARG app_home=/opt/app',
  'RUN set -eu; \\',
  '\techo "installing into $app_home"; \\',
  '\tprintf "$app_home"; \\',
  '    echo $undefined_thing',
  '',
].join('\n');
/** A script with three ShellCheck findings (0.9.0); `test` is the comparison on line 6, which SC2268 rewrites. */
const CHECK_SH = (test: string) =>
  [
    '#!/bin/bash',
    'set -euo pipefail',
    'name=world',
    'echo "hello $name"',
    'if [ $# -gt 0 ]; then',
    `\tif [ ${test} ]; then exit 0; fi`,
    '\techo "$1"',
    'fi',
    'read line < /etc/hostname',
    'echo "host: $line 🐳" | grep "*$line*"',
    '',
  ].join('\n');
const CLEAN = {
  'clean.sh': '#!/bin/sh\nset -eu\nname="${1:-world}"\nprintf \'hello %s\\n\' "$name"\n',
  'good/Dockerfile': 'FROM debian:bookworm-slim\nARG app_home=/opt/app\nENV PATH=/opt/app/bin:$PATH\nRUN set -eu; \\\n    mkdir -p "$app_home"; \\\n    echo "ready"\n',
};

describe('shell/shellcheck without the binary', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is off by default', () => {
    expect(rule.meta.recommended).toBe(false);
  });

  it('when enabled but not installed, warns once for the whole run', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'no-shellcheck-'));
    try {
      vi.stubEnv('PATH', empty);
      await tester.run({
        invalid: [
          {
            filename: 'Dockerfile',
            code: BAD_DOCKERFILE,
            files: { 'check.sh': CHECK_SH('"x$1" = "xstop"'), ...CLEAN },
            errors: [
              {
                line: 1,
                column: 1,
                endLine: 1,
                endColumn: 1,
                severity: 'warning',
                message:
                  'shell/shellcheck is enabled, but no shellcheck program is on PATH, so ShellCheck did not run; install it (apt-get install shellcheck, brew install shellcheck, …) or turn the rule off',
              },
            ],
          },
        ],
      });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the shellcheck/SC<code> family in the registry', () => {
  const registry = createRegistry([{ id: 'shell/quote-expansions', kind: 'shell', category: 'shell', severity: 'warning', fix: 'safe', summary: 'x', compat: { shellcheck: ['SC2086'] } }]);

  it('knows every shellcheck/SC<code> id, with a link to the ShellCheck wiki', () => {
    expect(registry.get('shellcheck/SC2154')).toMatchObject({ id: 'shellcheck/SC2154', kind: 'shell', docsUrl: 'https://www.shellcheck.net/wiki/SC2154' });
    expect(registry.get('shellcheck/SC21')).toBeUndefined();
    expect(registry.ids()).not.toContain('shellcheck/SC2154');
  });

  it('maps a bare code to the built-in rule that claims it, else to the family id', () => {
    expect(registry.byCompatCode('SC2086')).toEqual(['shell/quote-expansions']);
    expect(registry.byCompatCode('SC2154')).toEqual(['shellcheck/SC2154']);
    expect(registry.byCompatCode('DL3008')).toEqual([]);
  });
});

describe('json1 columns', () => {
  it('count tabs as one column and characters as code points, giving UTF-16 offsets', () => {
    const text = 'a\n\techo 🐳 $x\n';
    expect(offsetOf(text, 2, 1)).toBe(2);
    expect(offsetOf(text, 2, 7)).toBe(text.indexOf('🐳'));
    expect(offsetOf(text, 2, 9)).toBe(text.indexOf('$x'));
  });
});

describe.skipIf(!HAVE_SHELLCHECK)('shell/shellcheck with ShellCheck installed', () => {
  it('leaves SC2154 to shell/unassigned-variable, which is in recommended', async () => {
    await tester.run({ valid: [{ filename: 'check.sh', code: '#!/bin/sh\necho "$from_env"\n' }] });
  });

  it('reports a finding on the third line of a multi-line RUN at its line and column (tabs count one), SC2086 left to shell/quote-expansions', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: BAD_DOCKERFILE,
          severities: { 'shell/quote-expansions': 'warning' },
          output: BAD_DOCKERFILE.replace('echo $undefined_thing', 'echo "$undefined_thing"'),
          errors: [
            { ruleId: 'shellcheck/SC2059', line: 5, column: 9, endLine: 5, endColumn: 20, message: "don't use variables in the printf format string. Use printf '..%s..' \"$foo\"" },
            // SC2086 once, from the built-in rule: ShellCheck's is left out
            { ruleId: 'shell/quote-expansions', line: 6, column: 10, message: /^unquoted \$undefined_thing/ },
          ],
        },
      ],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:bookworm-slim\nRUN fmt=%s && \\\n    printf "$fmt" one\n',
          errors: [{ ruleId: 'shellcheck/SC2059', line: 3, column: 12, endLine: 3, endColumn: 18 }],
        },
      ],
    });
  });

  it('keeps a code silent when a recommended rule that claims it is turned off (shell/cd-checked, SC2164)', async () => {
    await tester.run({ valid: [{ filename: 'go.sh', code: '#!/bin/sh\ncd /srv/app\necho ok\n', severities: { 'shell/cd-checked': 'off' } }] });
  });

  it('leaves a code to ShellCheck when the built-in rule that claims it is off (shell/quote-expansions is not in recommended)', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: BAD_DOCKERFILE,
          errors: [
            { ruleId: 'shellcheck/SC2059', line: 5, column: 9 },
            { ruleId: 'shellcheck/SC2086', line: 6, column: 10, endLine: 6, endColumn: 26, message: 'double quote to prevent globbing and word splitting' },
          ],
        },
      ],
    });
  });

  // expectations made with ShellCheck 0.9.0
  it('reports scripts at exact positions (astral characters included), with ShellCheck fixes as suggestions', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'check.sh',
          code: CHECK_SH('"x$1" = "xstop"'),
          errors: [
            { ruleId: 'shellcheck/SC2268', line: 6, column: 7, endLine: 6, endColumn: 12, severity: 'info', suggestionOutputs: [CHECK_SH('"$1" = "stop"')] },
            { ruleId: 'shellcheck/SC2162', line: 9, column: 1, endLine: 9, endColumn: 5, severity: 'info' },
            { ruleId: 'shellcheck/SC2063', line: 10, column: 30, endLine: 10, endColumn: 39, severity: 'warning' },
          ],
        },
      ],
    });
  });

  it('caps severities at the configured one and lets a per-code setting win', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'check.sh',
          code: CHECK_SH('"x$1" = "xstop"'),
          severities: { 'shell/shellcheck': 'info', 'shellcheck/SC2162': 'off', 'shellcheck/SC2268': 'error' },
          errors: [
            { ruleId: 'shellcheck/SC2268', line: 6, column: 7, severity: 'error', suggestionOutputs: [CHECK_SH('"$1" = "stop"')] },
            { ruleId: 'shellcheck/SC2063', line: 10, column: 30, severity: 'info' },
          ],
        },
      ],
    });
  });

  it('honours options: minLevel and exclude', async () => {
    // SC2063 excluded; SC2268 (style) and SC2162 (info) below warning
    await tester.run({ valid: [{ filename: 'check.sh', code: CHECK_SH('"x$1" = "xstop"'), options: { minLevel: 'warning', exclude: ['SC2063'] } }] });
  });

  it('honours stack-lint, hadolint and ShellCheck suppression comments', async () => {
    await tester.run({
      valid: [
        { filename: 'Dockerfile', code: 'FROM debian:bookworm-slim\n# hadolint ignore=SC2059\nRUN printf "$HOME"\n' },
        {
          filename: 'check.sh',
          code: '#!/bin/bash\nset -euo pipefail\n# stack-lint-disable-next-line shellcheck/SC2162 -- hostname has no backslashes\nread line < /etc/hostname\n# shellcheck disable=SC2154\necho "$line $from_env"\n',
        },
      ],
      invalid: [
        { filename: 'Dockerfile', code: 'FROM debian:bookworm-slim\n# a comment\nRUN printf "$HOME"\n', errors: [{ ruleId: 'shellcheck/SC2059', line: 3, column: 12, endLine: 3, endColumn: 19 }] },
        {
          filename: 'check.sh',
          code: '#!/bin/bash\nset -euo pipefail\n# a comment\nread line < /etc/hostname\n# a comment\necho "$line $from_env"\n',
          errors: [{ ruleId: 'shellcheck/SC2162', line: 4, column: 1, endLine: 4, endColumn: 5 }],
        },
      ],
    });
  });

  it('leaves a script that does not parse to shell/syntax: ShellCheck parse errors are not repeated', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'broken.sh',
          code: '#!/bin/sh\nset -e\necho $undefined_x\nif [ -f x ]; then\n  echo y\n',
          errors: [{ ruleId: 'shell/syntax', line: 4, column: 1, endLine: 4, endColumn: 1 }],
        },
      ],
    });
  });

  it('finds nothing in clean files', async () => {
    await tester.run({ valid: Object.entries(CLEAN).map(([filename, code]) => ({ filename, code })) });
  });
});
