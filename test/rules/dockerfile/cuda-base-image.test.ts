import { describe, it } from 'vitest';
import cudaBaseImage from '../../../rules/dockerfile/cuda-base-image.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(cudaBaseImage);
const bad = (version: string) =>
  `ARG CUDA=12.4.1\nFROM nvidia/cuda:${version}-runtime-ubuntu22.04 AS old\nFROM nvidia/cuda:\${CUDA}-devel-ubuntu22.04\nRUN nvcc --version\n`;

describe('dockerfile/cuda-base-image', () => {
  it('reports X.Y tags (suggesting X.Y.0), and a -devel flavour in the final image, ARG defaults resolved', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: bad('11.8'),
          errors: [
            {
              line: 2,
              column: 6,
              endLine: 2,
              endColumn: 42,
              message:
                '"nvidia/cuda:11.8-runtime-ubuntu22.04": nvidia/cuda publishes tags with a full X.Y.Z version only, so "11.8-runtime-ubuntu22.04" does not exist; use e.g. "11.8.0-runtime-ubuntu22.04"',
              suggestions: ['use 11.8.0-runtime-ubuntu22.04'],
              suggestionOutputs: [bad('11.8.0')],
            },
            {
              line: 3,
              column: 6,
              endLine: 3,
              endColumn: 43,
              message:
                '"nvidia/cuda:${CUDA}-devel-ubuntu22.04" (resolves to "nvidia/cuda:12.4.1-devel-ubuntu22.04"): the final image is built on a -devel flavour, which ships compilers and headers it does not need at run time; compile in a -devel builder stage and run on -runtime (or -base)',
            },
          ],
        },
      ],
    });
  });

  it('accepts full versions, -devel in builder stages and NGC images', async () => {
    await tester.run({
      valid: [
        'FROM nvidia/cuda:12.4.1-devel-ubuntu22.04 AS build\nRUN nvcc -o /tmp/app app.cu\nFROM nvcr.io/nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04\nCOPY --from=build /tmp/app /app\n',
      ],
    });
  });
});
