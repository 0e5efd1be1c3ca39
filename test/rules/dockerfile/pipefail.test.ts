import { describe, expect, it } from 'vitest';
import pipefail from '../../../rules/dockerfile/pipefail.js';
import { RuleTester } from '../../../src/testing.js';

const UNNOTICED = "the pipeline's status is that of its last command, so a failure of";

const DEBIAN = [
  'FROM debian:12-slim',
  'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
  'RUN curl -fsSL https://example.com/install.tar.gz \\',
  '    | tar -xz -C /opt',
  'RUN echo ok | cat',
  '',
];

const ALPINE = [
  'FROM alpine:3.20',
  'RUN wget -qO- https://example.com/x.tar.gz | tar -xz',
  'RUN <<EOF',
  '#!/bin/bash',
  'set -e',
  'curl -fsSL https://example.com/a | sh',
  'EOF',
  '',
];

describe('dockerfile/pipefail', () => {
  it('is off in the recommended preset, and its fixes are unsafe', () => {
    expect(pipefail.meta.recommended).toBe(false);
    expect(pipefail.meta.fix).toBe('unsafe');
  });

  it('on Debian, reports the first unprotected pipeline of a RUN and inserts a SHELL with pipefail above the RUN', async () => {
    const fixed = [...DEBIAN.slice(0, 2), 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', ...DEBIAN.slice(2)].join('\n');
    await new RuleTester(pipefail).run({
      valid: [{ filename: 'Dockerfile', code: fixed, name: 'the fixed file' }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: DEBIAN.join('\n'),
          errors: [
            {
              line: 3,
              column: 5,
              endLine: 4,
              endColumn: 22,
              message: `${UNNOTICED} "curl" goes unnoticed; /bin/sh (dash on Debian and Ubuntu) has no pipefail option, so put SHELL ["/bin/bash", "-o", "pipefail", "-c"] before this RUN`,
            },
          ],
          output: fixed,
        },
      ],
    });
  });

  it('on Alpine and in a bash heredoc, reports with advice for its shell and sets pipefail in the script', async () => {
    const fixed = [
      'FROM alpine:3.20',
      'RUN set -o pipefail; wget -qO- https://example.com/x.tar.gz | tar -xz',
      'RUN <<EOF',
      '#!/bin/bash',
      'set -o pipefail',
      'set -e',
      'curl -fsSL https://example.com/a | sh',
      'EOF',
      '',
    ].join('\n');
    await new RuleTester(pipefail).run({
      valid: [{ filename: 'Dockerfile', code: fixed, name: 'the fixed file' }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: ALPINE.join('\n'),
          errors: [
            { line: 2, column: 5, endLine: 2, endColumn: 53, message: `${UNNOTICED} "wget" goes unnoticed; add "set -o pipefail" before it (or SHELL ["/bin/ash", "-o", "pipefail", "-c"])` },
            { line: 6, column: 1, endLine: 6, endColumn: 38, message: `${UNNOTICED} "curl" goes unnoticed; add "set -o pipefail" at the top of the heredoc script` },
          ],
          output: fixed,
        },
      ],
    });
  });

  it('in a /bin/sh heredoc, advises bash and offers no fix', async () => {
    await new RuleTester(pipefail).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: "FROM ubuntu:24.04\nRUN <<EOF\n#!/bin/sh\ndpkg -l | awk '{print $2}' > /pkgs\nEOF\n",
          errors: [
            {
              line: 4,
              column: 1,
              endLine: 4,
              endColumn: 35,
              message: `${UNNOTICED} "dpkg" goes unnoticed; /bin/sh (dash on Debian and Ubuntu) has no pipefail option, so run the heredoc with #!/bin/bash and "set -o pipefail"`,
            },
          ],
        },
      ],
    });
  });

  it('accepts SHELL with pipefail (also inherited), set -o pipefail, harmless producers, checking consumers and non-POSIX shells', async () => {
    const bashy = 'FROM debian:12-slim AS bashy\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x | tar -xz\n';
    await new RuleTester(pipefail).run({
      valid: [
        { filename: 'Dockerfile', code: bashy, name: 'SHELL with pipefail' },
        { filename: 'Dockerfile', code: `${bashy}\nFROM bashy AS inherited\nRUN curl -fsSL https://example.com/y | tar -xz\n`, name: 'inherited SHELL' },
        { filename: 'Dockerfile', code: 'FROM alpine:3.20\nRUN set -eo pipefail; wget -qO- https://example.com/x | tar -xz\n', name: 'set -o pipefail' },
        { filename: 'Dockerfile', code: 'FROM alpine:3.20\nRUN echo "abc  file" | sha256sum -c -\nRUN yes | ./configure\n', name: 'harmless producers' },
        { filename: 'Dockerfile', code: 'FROM alpine:3.20\nRUN locale -a | grep en_US\n', name: 'a checking consumer' },
        {
          filename: 'Dockerfile',
          code: "FROM alpine:3.20\nRUN bash -o pipefail -c 'curl -s https://example.com/z | sh'\nRUN <<EOT bash -o pipefail\ncurl -s https://example.com/w | sh\nEOT\n",
          name: 'bash -o pipefail',
        },
        {
          filename: 'Dockerfile',
          code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem C:\\ | Select-Object Name\n',
          name: 'PowerShell',
        },
      ],
    });
  });
});
