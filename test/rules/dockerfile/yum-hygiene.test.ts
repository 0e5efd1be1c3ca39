import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/yum-hygiene';

describe(RULE, () => {
  it('reports yum without -y and yum install without yum clean all', async () => {
    const found = await findings(RULE, ['dockerfile/yum-hygiene/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/yum-hygiene/bad/Dockerfile:2:9-2:16 dockerfile/yum-hygiene yum install without -y waits for a confirmation no one can give during a build',
      'dockerfile/yum-hygiene/bad/Dockerfile:3:5-3:8 dockerfile/yum-hygiene yum install leaves its metadata and package cache in the layer; end the RUN with && yum clean all (or mount /var/cache/yum as a cache)',
    ]);
  });

  it('accepts -y, --assumeyes, yum clean all, removing /var/cache/yum and cache mounts', async () => {
    expect(await findings(RULE, ['dockerfile/yum-hygiene/good'])).toEqual([]);
  });

  it('offers an unsafe fix that adds -y; the cache cleanup is left for a person', async () => {
    const { text, remaining } = await fixWithRule(RULE, 'dockerfile/yum-hygiene/bad/Dockerfile', { unsafe: true });
    expect(text.split('\n')[1]).toBe('RUN yum install -y httpd-2.4.6 && yum clean all');
    expect(remaining.map(brief)).toEqual(['Dockerfile:3:5-3:8 dockerfile/yum-hygiene']);
  });
});
