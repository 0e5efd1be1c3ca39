import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/zypper-hygiene';

describe(RULE, () => {
  it('reports zypper without non-interactive switch, dist-upgrade and install without zypper clean', async () => {
    const found = await findings(RULE, ['dockerfile/zypper-hygiene/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/zypper-hygiene/bad/Dockerfile:2:12-2:19 dockerfile/zypper-hygiene zypper install without -n (--non-interactive) or -y waits for a confirmation no one can give during a build',
      'dockerfile/zypper-hygiene/bad/Dockerfile:3:15-3:27 dockerfile/zypper-hygiene zypper dist-upgrade upgrades the whole distribution inside a build; move to a newer base image instead',
      'dockerfile/zypper-hygiene/bad/Dockerfile:4:5-4:11 dockerfile/zypper-hygiene zypper install leaves its package cache in the layer; end the RUN with && zypper clean (or mount /var/cache/zypp as a cache)',
    ]);
  });

  it('accepts -y, -n, --non-interactive, --no-confirm, zypper clean / cc and cache mounts', async () => {
    expect(await findings(RULE, ['dockerfile/zypper-hygiene/good'])).toEqual([]);
  });

  it('offers an unsafe fix that adds --non-interactive', async () => {
    const { text, remaining } = await fixWithRule(RULE, 'dockerfile/zypper-hygiene/bad/Dockerfile', { unsafe: true });
    expect(text.split('\n')[1]).toBe('RUN zypper --non-interactive install httpd && zypper clean');
    expect(remaining.map(brief)).toEqual(['Dockerfile:3:15-3:27 dockerfile/zypper-hygiene', 'Dockerfile:4:5-4:11 dockerfile/zypper-hygiene']);
  });
});
