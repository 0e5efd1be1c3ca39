import { describe, it } from 'vitest';
import rule from '../../../rules/shell/case-pattern-shadowed.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/case-pattern-shadowed', () => {
  it('reports patterns an earlier pattern always takes first', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'cli.sh',
          code: '#!/bin/sh\ncase "$1" in\n  start*) run ;;\n  start-all) run_all ;;\n  *) usage ;;\n  help) help ;;\nesac\n',
          errors: [
            { line: 4, column: 3, endLine: 4, endColumn: 12, message: 'the pattern start-all never matches: start* on line 3 comes first and matches everything it does' },
            { line: 6, column: 3, endLine: 6, endColumn: 7, message: 'the pattern help never matches: * on line 5 comes first and matches everything it does' },
          ],
        },
      ],
    });
  });

  it('accepts specific patterns before general ones, and a quoted star', async () => {
    await tester.run({
      valid: [{ filename: 'cli.sh', code: '#!/bin/sh\ncase "$1" in\n  start-all) run_all ;;\n  start*) run ;;\n  -h|--help) help ;;\n  "*") star ;;\n  *) usage ;;\nesac\n' }],
    });
  });

  it('knows duplicates, character classes, ;;& and expansions, and works inside a multi-line RUN', async () => {
    await tester.run({
      valid: [
        { filename: 'run.sh', code: '#!/bin/bash\ncase $1 in\n  a*) x ;;&\n  ab) y ;;\nesac\n' },
        { filename: 'run.sh', code: '#!/bin/sh\ncase $1 in\n  $prefix*) x ;;\n  a?) y ;;\n  a*) z ;;\n  "a"*) w ;;\nesac\n' },
        { filename: 'run.sh', code: '#!/bin/sh\ncase $1 in\n  a?) x ;;\n  a*) y ;;\n  [ab]) z ;;\n  c) w ;;\nesac\n' },
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nARG TARGETARCH\nRUN case "$TARGETARCH" in \\\n      amd64|arm64) echo ok ;; \\\n      arm64) echo again ;; \\\n    esac\n',
          errors: [{ line: 5, column: 7, endLine: 5, endColumn: 12, message: 'the pattern arm64 never matches: arm64 on line 4 comes first and matches everything it does' }],
        },
        {
          filename: 'run.sh',
          code: '#!/bin/sh\ncase $1 in\n  [ab]*) x ;;\n  bc|"a-b") y ;;\n  /usr/*) z ;;\n  /usr/lib/*) w ;;\nesac\n',
          errors: [{ line: 4, column: 3 }, { line: 4, column: 6 }, { line: 6, column: 3 }],
        },
      ],
    });
  });

  it('reports inside a RUN whose lines continue with && \\ at the exact Dockerfile position', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.21\nRUN arch=\"$(uname -m)\" && \\\n    case \"$arch\" in *) echo any ;; x86_64) echo x ;; esac\n',
          errors: [{ line: 3, column: 36, endLine: 3, endColumn: 42 }],
        },
      ],
    });
  });
});
