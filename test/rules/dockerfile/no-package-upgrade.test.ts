import { describe, expect, it } from 'vitest';
import noPackageUpgrade from '../../../rules/dockerfile/no-package-upgrade.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(noPackageUpgrade);

describe('dockerfile/no-package-upgrade', () => {
  it('is off in the recommended preset', () => {
    expect(noPackageUpgrade.meta.recommended).toBe(false);
  });

  it('reports whole-system upgrades at the command, as info', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM debian:12-slim',
            'RUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*',
            'RUN apt-get update \\',
            '    && apt-get -y dist-upgrade',
            '',
            'FROM alpine:3.20',
            'RUN apk upgrade --no-cache',
            '',
            'FROM rockylinux:9',
            'RUN dnf -y update && dnf clean all',
            '',
          ].join('\n'),
          errors: [
            { line: 2, column: 23, endLine: 2, endColumn: 38, severity: 'info' },
            {
              line: 4,
              column: 8,
              endLine: 4,
              endColumn: 31,
              message:
                'apt-get dist-upgrade upgrades whatever the mirrors serve on the day of the build, so two builds of the same commit differ; pull a newer base image (or upgrade named packages) instead',
            },
            { line: 7, column: 5, endLine: 7, endColumn: 16 },
            { line: 10, column: 5, endLine: 10, endColumn: 18 },
          ],
        },
      ],
    });
  });

  it('accepts upgrades of named packages, and leaves zypper dist-upgrade to its own rule', async () => {
    await tester.run({
      valid: [
        'FROM rockylinux:9\nRUN dnf -y update openssl && dnf clean all\n',
        'FROM alpine:3.20\nRUN apk upgrade --no-cache openssl\n',
        'FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n',
      ],
    });
  });
});
