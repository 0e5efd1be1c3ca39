import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/dnf-hygiene';

describe(RULE, () => {
  it('reports dnf without -y and dnf/microdnf install without clean all after it', async () => {
    const found = await findings(RULE, ['dockerfile/dnf-hygiene/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/dnf-hygiene/bad/Dockerfile:2:9-2:16 dockerfile/dnf-hygiene dnf install without -y waits for a confirmation no one can give during a build',
      'dockerfile/dnf-hygiene/bad/Dockerfile:3:5-3:13 dockerfile/dnf-hygiene microdnf install leaves its metadata and package cache in the layer; end the RUN with && microdnf clean all (or mount /var/cache/dnf as a cache)',
      'dockerfile/dnf-hygiene/bad/Dockerfile:4:22-4:25 dockerfile/dnf-hygiene dnf install leaves its metadata and package cache in the layer; end the RUN with && dnf clean all (or mount /var/cache/dnf as a cache)',
    ]);
  });

  it('accepts -y, microdnf without -y, clean all, removing the cache and cache mounts', async () => {
    expect(await findings(RULE, ['dockerfile/dnf-hygiene/good'])).toEqual([]);
  });

  it('offers an unsafe fix that adds -y; the cache cleanup is left for a person', async () => {
    const { text, remaining } = await fixWithRule(RULE, 'dockerfile/dnf-hygiene/bad/Dockerfile', { unsafe: true });
    expect(text.split('\n')[1]).toBe('RUN dnf install -y httpd && dnf clean all');
    expect(remaining.map(brief)).toEqual(['Dockerfile:3:5-3:13 dockerfile/dnf-hygiene', 'Dockerfile:4:22-4:25 dockerfile/dnf-hygiene']);
  });
});
