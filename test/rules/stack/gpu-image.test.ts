import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'stack/gpu-image';

describe(RULE, () => {
  it("reports the seed's processor-test built on python:3.12-slim and a pulled ubuntu image, at the GPU request", async () => {
    const found = await findings(RULE, ['stack/gpu-image/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `stack/gpu-image/bad/deadtrees/docker-compose.test.yaml:16:30-16:33 ${RULE} service "processor-test" reserves a GPU, but its image is built by processor/Dockerfile on python:3.12-slim, which ships no CUDA runtime, and the Dockerfile installs none; build FROM a CUDA image (nvidia/cuda:…-runtime, a framework's -cuda/-gpu image) or install the CUDA libraries`,
      `stack/gpu-image/bad/deadtrees/docker-compose.test.yaml:19:11-19:14 ${RULE} service "notebook" reserves a GPU, but runs ubuntu:24.04, which ships no CUDA runtime; use a CUDA image (nvidia/cuda:…-runtime, a framework's -cuda/-gpu image) or build one`,
    ]);
    expect(found[0]!.severity).toBe('warning');
  });

  it('accepts CUDA bases, framework wheels, requirement files it cannot read, unknown images and video-only GPUs', async () => {
    expect(await findings(RULE, ['stack/gpu-image/good'])).toEqual([]);
  });
});
