/**
 * The known tree-sitter-bash grammar gaps (DESIGN.md) must not make any shell
 * rule report something that is not there, and the script after the gap must
 * still be linted: each case ends with a `docker-compose version` canary
 * that shell/compose-v2 has to find.
 */
import { describe, it } from 'vitest';
import { shellRules } from '../../../rules/shell/index.js';
import { RuleTester, type ExpectedError } from '../../../src/testing.js';

/** Every shell rule (the ShellCheck bridge aside: it has its own tests). */
const RULES = shellRules.filter((r) => r.meta.id !== 'shell/shellcheck');

interface Expected {
  /** Findings by rule id; every other shell rule must find nothing. */
  errors?: Record<string, ExpectedError[]>;
  /** The text after the fixes of a rule that finds something fixable. */
  outputs?: Record<string, string>;
}

/** Runs every shell rule on one file, each on its own: a rule finds exactly what `expected` lists for it. */
async function lintWithEveryShellRule(filename: string, code: string, expected: Expected): Promise<void> {
  for (const rule of RULES) {
    const errors = expected.errors?.[rule.meta.id] ?? [];
    const output = expected.outputs?.[rule.meta.id];
    await new RuleTester(rule).run(
      errors.length ? { invalid: [{ filename, code, errors, ...(output !== undefined ? { output } : {}) }] } : { valid: [{ filename, code }] },
    );
  }
}

const CANARY = 'docker-compose version';
const canaryAt = (line: number, column = 1): Expected['errors'] => ({ 'shell/compose-v2': [{ line, column, endLine: line, endColumn: column + 14 }] });
const fixedCanary = (code: string): Expected['outputs'] => ({ 'shell/compose-v2': code.replace(CANARY, 'docker compose version') });

describe('shell rules on the grammar gaps', () => {
  it('an argument after a mid-command redirect (echo >&2 "msg" x)', async () => {
    const code = [
      '#!/bin/sh',
      '# Gap: words after a mid-command redirect are parsed as more redirect targets.',
      'set -eu',
      'dir="${1:-/srv/app}"',
      'echo >&2 "deploying to" "$dir" now',
      'cd >/dev/null "$dir" || exit 1',
      `printf >&2 '%s\\n' "done:" "$dir"`,
      CANARY,
      '',
    ].join('\n');
    await lintWithEveryShellRule('redirect-mid-command.sh', code, { errors: canaryAt(8), outputs: fixedCanary(code) });
  });

  it('a redirect at the end of a list', async () => {
    const code = [
      '#!/bin/sh',
      '# Gap: a redirect at the end of an and-or list is attached to the whole list.',
      'set -u',
      'cd /srv/app && make build >/dev/null 2>&1',
      'test -d "$HOME/.cache" || mkdir -p "$HOME/.cache" 2>/dev/null',
      'docker compose up -d --wait >/dev/null 2>&1 && docker compose ps',
      CANARY,
      '',
    ].join('\n');
    await lintWithEveryShellRule('redirect-end-of-list.sh', code, {
      // true positive: the file sets -u only
      errors: { ...canaryAt(7), 'shell/strict-mode': [{ line: 1, column: 1, endLine: 1, endColumn: 10 }] },
      outputs: { ...fixedCanary(code), 'shell/strict-mode': code.replace('#!/bin/sh\n', '#!/bin/sh\nset -e\n') },
    });
  });

  it('a heredoc followed by ; on the same line', async () => {
    const code = [
      '#!/bin/sh',
      '# Gap: a heredoc followed by `;` on the same line.',
      'set -eu',
      'cat <<EOF ; echo "written"',
      'target=$TARGET_DIR',
      'files=$(ls "$TARGET_DIR")',
      'EOF',
      `cat <<'EOF' > /tmp/motd; docker compose up -d --wait`,
      'welcome to $HOSTNAME',
      'EOF',
      CANARY,
      '',
    ].join('\n');
    await lintWithEveryShellRule('heredoc-semicolon.sh', code, { errors: canaryAt(11), outputs: fixedCanary(code) });
  });

  it('POSIX for name do', async () => {
    const code = [
      '#!/bin/sh',
      '# Gap: POSIX `for name do` (no `in`): loops over the positional parameters.',
      'set -eu',
      'for dir do',
      '  cd "$dir" || exit 1',
      '  rm -rf "./build"',
      'done',
      CANARY,
      '',
    ].join('\n');
    await lintWithEveryShellRule('for-without-in.sh', code, { errors: canaryAt(8), outputs: fixedCanary(code) });
  });

  it('the same gaps inside Dockerfile RUN bodies', async () => {
    const code = [
      'FROM debian:bookworm-slim',
      'RUN set -eu; \\',
      '    echo >&2 "installing" tools now; \\',
      '    mkdir -p /opt/app && cd /opt/app >/dev/null 2>&1; \\',
      '    cat <<EOF >/opt/app/env ; echo "env written"',
      'APP_HOME=/opt/app',
      'EOF',
      `RUN ${CANARY}`,
      '',
    ].join('\n');
    await lintWithEveryShellRule('Dockerfile', code, { errors: canaryAt(8, 5), outputs: fixedCanary(code) });
  });

  it('a script that does not parse is still linted on the parts that did', async () => {
    const code = '#!/bin/sh\nset -e\ndocker-compose pull\nif [ -f .env ]; then\n  echo "found .env"\n';
    const syntaxError = { ruleId: 'shell/syntax', line: 4, column: 1, endLine: 4, endColumn: 1 };
    const errors: Expected['errors'] = { 'shell/compose-v2': [{ line: 3, column: 1, endLine: 3, endColumn: 15 }, syntaxError] };
    for (const rule of RULES) if (rule.meta.id !== 'shell/compose-v2') errors[rule.meta.id] = [syntaxError];
    await lintWithEveryShellRule('partial.sh', code, { errors, outputs: { 'shell/compose-v2': code.replace('docker-compose pull', 'docker compose pull') } });
  });
});
