import { describe, it } from 'vitest';
import noUnsignedPackages from '../../../rules/dockerfile/no-unsigned-packages.js';
import { RuleTester } from '../../../src/testing.js';

describe('dockerfile/no-unsigned-packages', () => {
  it('reports flags and repository settings that skip package signatures', async () => {
    await new RuleTester(noUnsignedPackages).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM alpine:3.20 AS a',
            'RUN apk add --no-cache --allow-untrusted /tmp/pkg.apk',
            '',
            'FROM debian:12-slim AS d',
            'RUN apt-get update && apt-get install -y --allow-unauthenticated --no-install-recommends foo',
            'RUN echo "deb [trusted=yes] http://repo.example.com/apt ./" > /etc/apt/sources.list.d/example.list',
            '',
            'FROM rockylinux:9',
            'RUN dnf install -y --nogpgcheck foo',
            'RUN rpm -i --nosignature /tmp/foo.rpm',
            "RUN printf '[example]\\nbaseurl=https://repo.example.com\\ngpgcheck=0\\n' > /etc/yum.repos.d/example.repo",
            '',
          ].join('\n'),
          errors: [
            {
              line: 2,
              column: 24,
              endColumn: 41,
              message: "apk --allow-untrusted installs packages whose signature is missing or unknown, so a tampered or substituted package installs without complaint; import the repository's signing key instead",
            },
            { line: 5, column: 42, endColumn: 65 },
            { line: 6, column: 10, endColumn: 60 },
            { line: 9, column: 20, endColumn: 32 },
            { line: 10, column: 12, endColumn: 25 },
            { line: 11, column: 12, endColumn: 71 },
          ],
        },
      ],
    });
  });

  it('accepts a trusted local (file:) apt source and gpgcheck=1', async () => {
    await new RuleTester(noUnsignedPackages).run({
      valid: [
        'FROM debian:12-slim\nRUN echo "deb [trusted=yes] file:/srv/repo ./" > /etc/apt/sources.list.d/local.list\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
        "FROM rockylinux:9\nRUN dnf install -y --setopt=install_weak_deps=False foo && dnf clean all\nRUN printf '[example]\\ngpgcheck=1\\n' > /etc/yum.repos.d/example.repo\n",
      ],
    });
  });
});
