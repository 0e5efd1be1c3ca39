import { describe, it } from 'vitest';
import trustedRegistries from '../../../rules/dockerfile/trusted-registries.js';
import { RuleTester } from '../../../src/testing.js';

const ALLOWED = { allowed: ['docker.io', '*.mirror.example.com'] };
const FOREIGN = 'FROM random.com/debian:12 AS base\nFROM quay.io/org/tool:1.0 AS tool\nFROM base\nCOPY --from=ghcr.io/org/bin:1.2 /bin/x /usr/local/bin/x\n';
const NOT_ALLOWED = 'which is not an allowed registry ("docker.io", "*.mirror.example.com")';

describe('dockerfile/trusted-registries', () => {
  it('does nothing until allowed registries are configured', async () => {
    await new RuleTester(trustedRegistries).run({ valid: [FOREIGN] });
  });

  it('reports base images and COPY --from images from other registries', async () => {
    await new RuleTester(trustedRegistries).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: FOREIGN,
          options: ALLOWED,
          errors: [
            { line: 1, column: 6, endColumn: 26, message: `base image "random.com/debian:12" comes from random.com, ${NOT_ALLOWED}` },
            { line: 2, column: 6, endColumn: 26, message: `base image "quay.io/org/tool:1.0" comes from quay.io, ${NOT_ALLOWED}` },
            { line: 4, column: 13, endColumn: 32, message: `COPY --from image "ghcr.io/org/bin:1.2" comes from ghcr.io, ${NOT_ALLOWED}` },
          ],
        },
      ],
    });
  });

  it('accepts every spelling of Docker Hub, wildcard registries, stages, scratch and unresolved ARGs', async () => {
    await new RuleTester(trustedRegistries).run({
      valid: [
        { filename: 'Dockerfile', code: 'FROM ubuntu:24.04 AS hub\nFROM zemanlx/ubuntu:18.04 AS hub2\nFROM docker.io/library/alpine:3.20 AS hub3\n', options: ALLOWED, name: 'Docker Hub' },
        { filename: 'Dockerfile', code: 'FROM foo.mirror.example.com/debian:12 AS mirrored\n', options: ALLOWED, name: 'a wildcard registry' },
        { filename: 'Dockerfile', code: 'FROM ubuntu:24.04 AS hub\nFROM hub\nCOPY --from=hub /etc/os-release /tmp/os-release\nFROM scratch\n', options: ALLOWED, name: 'stages and scratch' },
        { filename: 'Dockerfile', code: 'ARG BASE\nFROM ${BASE} AS dynamic\n', options: ALLOWED, name: 'an unresolved ARG' },
      ],
    });
  });

  it('accepts everything with "*"', async () => {
    await new RuleTester(trustedRegistries).run({ valid: [{ filename: 'Dockerfile', code: FOREIGN, options: { allowed: ['*'] } }] });
  });
});
