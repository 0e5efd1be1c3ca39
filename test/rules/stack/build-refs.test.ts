import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'stack/build-refs';

describe(RULE, () => {
  it('reports a missing context, a context without Dockerfile, a missing dockerfile and a target that is no stage', async () => {
    const found = await findings(RULE, ['stack/build-refs/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `stack/build-refs/bad/missing-context/compose.yaml:3:12-3:21 ${RULE} service "backend" builds from the context "backend", which does not exist`,
      `stack/build-refs/bad/missing-context/compose.yaml:7:16-7:21 ${RULE} service "web" builds the context "web", which has no Dockerfile; name the file with build.dockerfile`,
      `stack/build-refs/bad/missing-dockerfile/compose.yaml:6:19-6:41 ${RULE} service "api" builds from the Dockerfile "docker/Dockerfile.prod", which does not exist`,
      `stack/build-refs/bad/missing-target/docker-compose.yml:6:15-6:25 ${RULE} service "api" builds the target "production", which is not a stage of Dockerfile (its stages: builder, development, runtime)`,
    ]);
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });

  it('accepts targets of each environment (stage names compared case-insensitively), named Dockerfiles, remote, unset and inline builds', async () => {
    expect(await findings(RULE, ['stack/build-refs/good'])).toEqual([]);
  });

  it('reports when the compose file is linted on its own (the stack is read for context)', async () => {
    const found = await findings(RULE, ['stack/build-refs/bad/missing-target/docker-compose.yml']);
    expect(found.map(brief)).toEqual([`stack/build-refs/bad/missing-target/docker-compose.yml:6:15-6:25 ${RULE}`]);
  });
});
