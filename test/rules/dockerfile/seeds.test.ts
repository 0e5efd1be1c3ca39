import { describe, expect, it } from 'vitest';
import { brief, lintFixtures } from '../../helpers/lint.js';

/** The rules of this part of the catalog (the other Dockerfile rules have their own tests). */
const RULES = new Set(
  [
    'apk-no-cache', 'apt-hygiene', 'copy-not-add', 'cuda-base-image', 'dockerignore', 'exec-form', 'healthcheck', 'layer-cache-order',
    'multi-stage', 'no-cd', 'no-exposed-ssh', 'no-package-upgrade', 'no-secret-files', 'no-secrets-in-env-arg', 'no-swallowed-errors',
    'no-system-workdir', 'no-tls-bypass', 'no-unsigned-packages', 'non-root-user', 'pip-no-cache', 'pipefail', 'stage-name-casing',
    'update-with-install',
  ].map((r) => `dockerfile/${r}`),
);

/** The rules of RULES that are off in `recommended`, turned on so the seeds keep showing them. */
const ON = ['apk-no-cache', 'apt-hygiene', 'healthcheck', 'layer-cache-order', 'no-package-upgrade', 'non-root-user', 'pipefail'].map((r) => `dockerfile/${r}: warning`);

async function seed(dir: string): Promise<string[]> {
  const found = await lintFixtures([`dockerfile/seeds/${dir}`], { cliRules: ON });
  return found.filter((d) => RULES.has(d.ruleId)).map((d) => brief(d).replace(`dockerfile/seeds/${dir}/`, ''));
}

describe('the Dockerfiles of the seed documents', () => {
  it('000: "as builder", pip without --no-cache-dir, no USER, COPY . without .dockerignore', async () => {
    expect(await seed('000-api')).toEqual([
      'Dockerfile:2:23-2:25 dockerfile/stage-name-casing',
      'Dockerfile:4:9-4:16 dockerfile/pip-no-cache',
      'Dockerfile:7:6-7:22 dockerfile/non-root-user',
      'Dockerfile:9:6-9:7 dockerfile/dockerignore',
    ]);
  });

  it('000 (GPU): the nvidia/cuda tag does not exist; apt-get without --no-install-recommends and cleanup', async () => {
    expect(await seed('000-gpu')).toEqual([
      'Dockerfile:2:6-2:42 dockerfile/cuda-base-image',
      'Dockerfile:2:6-2:42 dockerfile/non-root-user',
      'Dockerfile:3:5-3:19 dockerfile/apt-hygiene',
      'Dockerfile:3:31-3:38 dockerfile/apt-hygiene',
    ]);
  });

  it('001: the dependency-caching build swallows its errors; the multi-stage build passes multi-stage and non-root-user', async () => {
    expect(await seed('001')).toEqual(['Dockerfile:18:39-18:46 dockerfile/no-swallowed-errors', 'Dockerfile:32:6-32:17 dockerfile/healthcheck']);
  });

  it('002: "as builder", installs with recommends, COPY . without .dockerignore; multi-stage and non-root-user pass', async () => {
    expect(await seed('002')).toEqual([
      'Dockerfile:2:23-2:25 dockerfile/stage-name-casing',
      'Dockerfile:5:31-5:38 dockerfile/apt-hygiene',
      'Dockerfile:19:31-19:38 dockerfile/apt-hygiene',
      'Dockerfile:32:22-32:23 dockerfile/dockerignore',
    ]);
  });
});
