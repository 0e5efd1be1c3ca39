import { describe, expect, it } from 'vitest';
import yumHygiene from '../../../rules/dockerfile/yum-hygiene.js';
import { RuleTester } from '../../../src/testing.js';

const NO_CLEAN = { line: 3, column: 5, endColumn: 8, message: 'yum install leaves its metadata and package cache in the layer; end the RUN with && yum clean all (or mount /var/cache/yum as a cache)' };

describe('dockerfile/yum-hygiene', () => {
  it('reports yum without -y and yum install without yum clean all; adds -y and leaves the cache cleanup for a person', async () => {
    const fixed = 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\nRUN yum install -y mariadb-5.5.68\n';
    await new RuleTester(yumHygiene).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\nRUN yum install -y mariadb-5.5.68\n',
          errors: [{ line: 2, column: 9, endColumn: 16, message: 'yum install without -y waits for a confirmation no one can give during a build' }, NO_CLEAN],
          output: fixed,
        },
        { filename: 'Dockerfile', code: fixed, errors: [NO_CLEAN], name: 'the fixed file' },
      ],
    });
  });

  it('offers its fix as unsafe: a flag changes what runs', () => {
    expect(yumHygiene.meta.fix).toBe('unsafe');
  });

  it('accepts -y, --assumeyes, yum clean all, removing /var/cache/yum and cache mounts', async () => {
    await new RuleTester(yumHygiene).run({
      valid: [
        'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
        'FROM centos:7\nRUN yum -y update && yum install -y mariadb && rm -rf /var/cache/yum\n',
        'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install --assumeyes git\n',
      ],
    });
  });
});
