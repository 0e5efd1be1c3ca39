import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/trusted-registries';
const ALLOWED = { cliRules: [`${RULE}: [error, {"allowed": ["docker.io", "*.mirror.example.com"]}]`] };

describe(RULE, () => {
  it('does nothing until allowed registries are configured', async () => {
    expect(await findings(RULE, ['dockerfile/trusted-registries/bad'])).toEqual([]);
  });

  it('reports base images and COPY --from images from other registries', async () => {
    const found = await findings(RULE, ['dockerfile/trusted-registries/bad'], ALLOWED);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/trusted-registries/bad/Dockerfile:1:6-1:26 dockerfile/trusted-registries base image "random.com/debian:12" comes from random.com, which is not an allowed registry ("docker.io", "*.mirror.example.com")',
      'dockerfile/trusted-registries/bad/Dockerfile:2:6-2:26 dockerfile/trusted-registries base image "quay.io/org/tool:1.0" comes from quay.io, which is not an allowed registry ("docker.io", "*.mirror.example.com")',
      'dockerfile/trusted-registries/bad/Dockerfile:4:13-4:32 dockerfile/trusted-registries COPY --from image "ghcr.io/org/bin:1.2" comes from ghcr.io, which is not an allowed registry ("docker.io", "*.mirror.example.com")',
    ]);
  });

  it('accepts every spelling of Docker Hub, wildcard registries, stages, scratch and unresolved ARGs', async () => {
    expect(await findings(RULE, ['dockerfile/trusted-registries/good'], ALLOWED)).toEqual([]);
  });

  it('accepts everything with "*"', async () => {
    expect(await findings(RULE, ['dockerfile/trusted-registries/bad'], { cliRules: [`${RULE}: [error, {"allowed": ["*"]}]`] })).toEqual([]);
  });
});
