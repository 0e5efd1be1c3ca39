import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/for-single-item.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('shell/for-single-item', () => {
  it('reports a loop over one constant word in a script', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'install.sh',
          code: '#!/bin/sh\nfor conf in /etc/app; do\n  cp "$conf" /srv/app/\ndone\nfor p in "curl jq"; do apk add "$p"; done\nfor d in ~/bin a"b" $\'x\\ty\' a\\ b; do :; done\nfor d in ~/bin; do :; done\n',
          errors: [
            {
              line: 2,
              column: 13,
              endLine: 2,
              endColumn: 21,
              message:
                "the loop runs once, over the constant /etc/app; to iterate over files, words of a variable or a command's output, write a glob, an unquoted expansion or a command substitution",
            },
            { line: 5, column: 10, endLine: 5, endColumn: 19, message: /^the loop runs once, over the constant "curl jq";/ },
            { line: 7, column: 10, endLine: 7, endColumn: 15, message: /^the loop runs once, over the constant ~\/bin;/ },
          ],
        },
        {
          filename: 'install.sh',
          code: '#!/bin/bash\nfor x in a"b"; do :; done\nfor x in $\'a\'; do :; done\nfor x in ""; do :; done\n',
          errors: [{ line: 2, column: 10 }, { line: 3, column: 10 }, { line: 4, column: 10 }],
        },
      ],
    });
  });

  it('leaves globs, expansions, brace expansions, several items, single quotes and quoted globs alone', async () => {
    await tester.run({
      valid: [
        {
          filename: 'install.sh',
          code: [
            '#!/bin/bash',
            'for f in /etc/app/*.conf; do :; done',
            'for f in a[12]; do :; done',
            'for p in $PACKAGES; do :; done',
            'for p in "$PACKAGES"; do :; done',
            'for p in "$@"; do :; done',
            'for p in $(cat list); do :; done',
            'for n in {1..3}; do :; done',
            'for n in a{b,c}; do :; done',
            'for n in a b; do :; done',
            "for n in 'ls'; do :; done",
            'for n in "*.conf"; do :; done',
            'for n; do :; done',
            'for ((i = 0; i < 1; i++)); do :; done',
            '',
          ].join('\n'),
        },
      ],
    });
  });

  it('leaves a one-item list laid out one item per line alone, unless listLayout is set', async () => {
    const code = '#!/bin/sh\nfor key in \\\n  6A010C5166006599AA17F08146C2130DFD2497F5 \\\n; do\n  gpg --recv-keys "$key"\ndone\n';
    await tester.run({
      valid: [{ filename: 'keys.sh', code }],
      invalid: [
        {
          filename: 'keys.sh',
          code,
          options: { listLayout: true },
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 43, message: /^the loop runs once, over the constant 6A010C5166006599AA17F08146C2130DFD2497F5;/ }],
        },
      ],
    });
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM node:22\nRUN set -ex \\\n  && for key in \\\n    6A010C5166006599AA17F08146C2130DFD2497F5 \\\n  ; do \\\n    gpg --recv-keys "$key"; \\\n  done\n',
        },
        { filename: 'Dockerfile', code: 'FROM alpine\nARG PACKAGES="curl jq"\nRUN for p in $PACKAGES; do apk add "$p"; done\n' },
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN set -e; \\\n    for f in /tmp/pkgs; do \\\n      apk add --allow-untrusted "$f"; \\\n    done\n',
          errors: [{ line: 3, column: 14, endLine: 3, endColumn: 23, message: /^the loop runs once, over the constant \/tmp\/pkgs;/ }],
        },
      ],
    });
  });

  it('is on in the recommended preset, without a fix', () => {
    expect(rule.meta.recommended).not.toBe(false);
    expect(rule.meta.fix).toBe('none');
  });
});
