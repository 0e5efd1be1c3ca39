import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/unassigned-variable.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/unassigned-variable', () => {
  it('reports the first read of a lower-case name nothing assigns, with a near name when there is one', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'deploy.sh',
          code: '#!/bin/sh\nbackup_dir=/var/backups\necho "$backupdir" "$backupdir"\necho "${#count}" $((total + 1))\n',
          errors: [
            { line: 3, column: 7, endLine: 3, endColumn: 17, message: 'backupdir is read but never assigned, so it expands to an empty string (did you mean backup_dir?); assign it, or give a default with ${backupdir:-…}' },
            { line: 4, column: 7, endColumn: 16, message: /^count is read but never assigned, so it expands to an empty string; assign it/ },
            { line: 4, column: 21, endColumn: 26, message: /^total is read/ },
          ],
        },
      ],
    });
  });

  it('reads the names of a for ((…)) header, and leaves array literals alone as ShellCheck does', async () => {
    await tester.run({
      valid: [{ filename: 'arr.sh', code: '#!/bin/bash\nargs=(--name "$name_from_caller")\necho "${args[@]}"\n' }],
      invalid: [{ filename: 'loop.sh', code: '#!/bin/bash\nfor ((i = 0; i < limit; i++)); do echo "$i"; done\n', errors: [{ line: 2, column: 18, endLine: 2, endColumn: 23, message: /^limit is read but never assigned/ }] }],
    });
  });

  it('knows assignments anywhere in the file, the shells\' own names, upper-case names and guarded reads', async () => {
    await tester.run({
      valid: [
        {
          filename: 'deploy.sh',
          code: [
            '#!/bin/bash',
            'greet() { local who; who=$1; echo "$who" "$later"; }',
            'later=1',
            'read -r line; echo "$line"',
            'for item in a b; do echo "$item"; done',
            'while getopts ab opt; do echo "$opt"; done',
            'printf -v stamp "%s" now; echo "$stamp"',
            'mapfile -t lines < /etc/hosts; echo "${lines[0]}"',
            'declare -A seen; echo "${seen[x]}"',
            'export region; readonly zone=eu; echo "$region" "$zone"',
            'arr=(a b); echo "${arr[@]}" "${#arr[@]}"',
            ': "${mode:=fast}"; echo "$mode"',
            'echo "${optional:-none}" "${flag:+--flag}" "${required:?set it}"',
            'echo "$HOME" "$DATABASE_URL" "$http_proxy" "$1" "$@"',
            "echo '$quoted'",
            'cat <<\'EOF\'',
            '$in_heredoc',
            'EOF',
            '',
          ].join('\n'),
        },
      ],
    });
  });

  it('stays quiet when eval, an unresolved source or a nameref may assign names, and in a library', async () => {
    await tester.run({
      valid: [
        { filename: 'a.sh', code: '#!/bin/sh\neval "$(ssh-agent -s)"\necho "$agent_pid"\n' },
        { filename: 'b.sh', code: '#!/bin/sh\n. /etc/os-release\necho "$pretty"\n' },
        { filename: 'c.sh', code: '#!/bin/sh\n. "$config"\necho "$x"\n' },
        { filename: 'd.sh', code: '#!/bin/bash\nset_it() { local -n out=$1; out=1; }\nset_it result\necho "$result"\n' },
        { filename: 'lib.sh', code: 'echo "$set_by_caller"\n' },
      ],
    });
  });

  it('reads what a sourced script of the run assigns', async () => {
    await tester.run({
      valid: [{ filename: 'run.sh', code: '#!/bin/sh\n. ./lib/common.sh\necho "$app_home"\n', files: { 'lib/common.sh': 'app_home=/opt/app\n' } }],
      invalid: [
        {
          filename: 'run.sh',
          code: '#!/bin/sh\n# shellcheck source=lib/common.sh\n. "$(dirname "$0")/lib/common.sh"\necho "$app_hom"\n',
          files: { 'lib/common.sh': 'app_home=/opt/app\n' },
          errors: [{ line: 4, column: 7, message: /^app_hom is read but never assigned, so it expands to an empty string \(did you mean app_home\?\)/ }],
        },
      ],
    });
  });

  it('knows the ARGs and ENVs of a RUN body, and reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      valid: [{ filename: 'Dockerfile', code: 'FROM alpine\nARG skip_build\nENV app_dir=/app\nRUN if [ -z "$skip_build" ]; then \\\n      make -C "$app_dir"; \\\n    fi\n' }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nARG skip_build\nRUN if [ -z "$skip_build" ]; then \\\n      make -C "$app_dir"; \\\n    fi\n',
          errors: [{ line: 4, column: 16, endLine: 4, endColumn: 24, message: /^app_dir is read but never assigned/ }],
        },
      ],
    });
  });

  it('knows what a compose service environment gives its shell strings', async () => {
    await tester.run({
      valid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  app:\n    image: alpine\n    environment:\n      db_host: db\n    command: ["sh", "-c", "ping -c1 $$db_host"]\n',
        },
      ],
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  app:\n    image: alpine\n    command: ["sh", "-c", "ping -c1 $$db_host"]\n',
          errors: [{ line: 4, column: 37, message: /^db_host is read but never assigned/ }],
        },
      ],
    });
  });

  it('honours # shellcheck disable=SC2154', async () => {
    await tester.run({
      valid: [
        { filename: 'a.sh', code: '#!/bin/sh\n# shellcheck disable=SC2154\necho "$from_caller"\n' },
      ],
    });
  });

  it('is recommended', () => {
    expect(rule.meta.recommended).not.toBe(false);
  });
});
