import { describe, expect, it } from 'vitest';
import zypperHygiene from '../../../rules/dockerfile/zypper-hygiene.js';
import { RuleTester } from '../../../src/testing.js';

const DIST_UPGRADE = { line: 3, column: 15, endColumn: 27, message: 'zypper dist-upgrade upgrades the whole distribution inside a build; move to a newer base image instead' };
const NO_CLEAN = { line: 4, column: 5, endColumn: 11, message: 'zypper install leaves its package cache in the layer; end the RUN with && zypper clean (or mount /var/cache/zypp as a cache)' };
const REST = 'RUN zypper -n dist-upgrade\nRUN zypper --non-interactive install mariadb\n';

describe('dockerfile/zypper-hygiene', () => {
  it('reports zypper without non-interactive switch, dist-upgrade and install without zypper clean; adds --non-interactive', async () => {
    const fixed = `FROM opensuse/leap:15.6\nRUN zypper --non-interactive install httpd && zypper clean\n${REST}`;
    await new RuleTester(zypperHygiene).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: `FROM opensuse/leap:15.6\nRUN zypper install httpd && zypper clean\n${REST}`,
          errors: [
            { line: 2, column: 12, endColumn: 19, message: 'zypper install without -n (--non-interactive) or -y waits for a confirmation no one can give during a build' },
            DIST_UPGRADE,
            NO_CLEAN,
          ],
          output: fixed,
        },
        { filename: 'Dockerfile', code: fixed, errors: [DIST_UPGRADE, NO_CLEAN], name: 'the fixed file' },
      ],
    });
  });

  it('offers its fix as unsafe: a flag changes what runs', () => {
    expect(zypperHygiene.meta.fix).toBe('unsafe');
  });

  it('accepts -y, -n, --non-interactive, --no-confirm, zypper clean / cc and cache mounts', async () => {
    await new RuleTester(zypperHygiene).run({
      valid: [
        'FROM opensuse/leap:15.6\nRUN zypper install -y httpd && zypper clean\nRUN zypper -n install mariadb && zypper cc\nRUN zypper --non-interactive refresh\n',
        'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper --no-confirm install git\n',
      ],
    });
  });
});
