import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/no-curl-pipe-shell.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);
const TAIL = 'runs whatever the server sends, unverified; download to a file, check its checksum or signature, then run it';

describe('shell/no-curl-pipe-shell', () => {
  it('reports downloads piped or substituted into a shell or interpreter, as errors without a fix', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'install.sh',
          code: [
            '#!/bin/sh',
            'set -eu',
            'curl -fsSL https://get.docker.com | sh',
            'wget -qO- https://deb.nodesource.com/setup_20.x | sudo -E bash -',
            'curl -sSf https://sh.rustup.rs | sh -s -- -y',
            'bash <(curl -fsSL https://example.com/install.sh)',
            'sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"',
            'curl -fsSL https://example.com/setup.py | python3 -',
            '',
          ].join('\n'),
          errors: [
            { line: 3, column: 37, endLine: 3, endColumn: 39, message: `piping curl into sh ${TAIL}`, severity: 'error' },
            { line: 4, column: 51, endLine: 4, endColumn: 65, message: `piping wget into bash ${TAIL}`, severity: 'error' },
            { line: 5, column: 34, endLine: 5, endColumn: 45, message: `piping curl into sh ${TAIL}`, severity: 'error' },
            { line: 6, column: 1, endLine: 6, endColumn: 50, message: `feeding the output of curl into bash ${TAIL}`, severity: 'error' },
            { line: 7, column: 1, endLine: 7, endColumn: 96, message: `feeding the output of curl into sh ${TAIL}`, severity: 'error' },
            { line: 8, column: 43, endLine: 8, endColumn: 52, message: `piping curl into python3 ${TAIL}`, severity: 'error' },
          ],
        },
      ],
    });
    expect(rule.meta.fix).toBe('none');
  });

  it('reports the shell on the continuation line of a multi-line RUN', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM debian:bookworm-slim',
            'RUN apt-get update \\',
            ' && apt-get install -y --no-install-recommends curl ca-certificates \\',
            ' && curl -fsSL https://deb.nodesource.com/setup_20.x \\',
            '    | bash - \\',
            ' && rm -rf /var/lib/apt/lists/*',
            '',
          ].join('\n'),
          errors: [{ line: 5, column: 7, endLine: 5, endColumn: 13 }],
        },
      ],
    });
  });

  it('accepts verified downloads, data pipes and shells that read a file or -c script', async () => {
    await tester.run({
      valid: [
        {
          filename: 'verified.sh',
          code: [
            '#!/bin/sh',
            'set -eu',
            'curl -fsSLo /tmp/get-docker.sh https://get.docker.com',
            'echo "$DOCKER_SHA256  /tmp/get-docker.sh" | sha256sum -c -',
            'sh /tmp/get-docker.sh',
            'curl -fsSL https://example.com/data.json | jq .version',
            'wget -O /tmp/x.tgz https://example.com/x.tgz',
            'curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg',
            "curl -fsS https://example.com/list | sh -c 'cat > /tmp/list'",
            'cat ./local-install.sh | sh',
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
          code: 'FROM alpine:3.21\nRUN apk add --no-cache curl && \\\n    curl -fsSL https://example.com/install.sh | sh && \\\n    echo ok\n',
          errors: [{ line: 3, column: 49, endLine: 3, endColumn: 51 }],
        },
      ],
    });
  });
});
