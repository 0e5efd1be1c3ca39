import { describe, expect, it } from 'vitest';
import dnfHygiene from '../../../rules/dockerfile/dnf-hygiene.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(dnfHygiene);
const MICRODNF_CACHE =
  'microdnf install leaves its metadata and package cache in the layer; end the RUN with && microdnf clean all (or mount /var/cache/dnf as a cache)';
const DNF_CACHE = 'dnf install leaves its metadata and package cache in the layer; end the RUN with && dnf clean all (or mount /var/cache/dnf as a cache)';
const bad = (yes: string) => `FROM fedora:40\nRUN dnf install ${yes}httpd && dnf clean all\nRUN microdnf install -y tomcat\nRUN dnf clean all && dnf install -y git\n`;

describe('dockerfile/dnf-hygiene', () => {
  it('reports dnf without -y and dnf/microdnf install without clean all after it; the fix adds -y (unsafe)', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: bad(''),
          errors: [
            { line: 2, column: 9, endLine: 2, endColumn: 16, message: 'dnf install without -y waits for a confirmation no one can give during a build' },
            { line: 3, column: 5, endLine: 3, endColumn: 13, message: MICRODNF_CACHE },
            { line: 4, column: 22, endLine: 4, endColumn: 25, message: DNF_CACHE },
          ],
          output: bad('-y '),
        },
      ],
    });
    expect(dnfHygiene.meta.fix).toBe('unsafe');
  });

  it('leaves the cache cleanup for a person', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: bad('-y '),
          errors: [
            { line: 3, column: 5, endLine: 3, endColumn: 13, message: MICRODNF_CACHE },
            { line: 4, column: 22, endLine: 4, endColumn: 25, message: DNF_CACHE },
          ],
        },
      ],
    });
  });

  it('accepts -y, microdnf without -y, clean all, removing the cache and cache mounts', async () => {
    await tester.run({
      valid: [
        'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
        'FROM fedora:40\nRUN microdnf install tomcat && microdnf clean all\n',
        'FROM fedora:40\nRUN dnf -y install git && rm -rf /var/cache/dnf\n',
        'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y make\n',
      ],
    });
  });
});
