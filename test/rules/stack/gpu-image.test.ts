import { describe, it } from 'vitest';
import rule from '../../../rules/stack/gpu-image.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(rule);

describe('stack/gpu-image', () => {
  it("reports the seed's processor-test built on python:3.12-slim and a pulled ubuntu image, at the GPU request, as warnings", async () => {
    await tester.run({
      invalid: [
        {
          filename: 'docker-compose.test.yaml',
          code: [
            '# Development and testing environment (after the DeadTrees container guide)',
            'services:',
            '  processor-test:',
            '    build:',
            '      context: .',
            '      dockerfile: processor/Dockerfile',
            '    deploy:',
            '      resources:',
            '        limits:',
            "          cpus: '12'",
            "          memory: '64G'",
            '        reservations:',
            '          devices:',
            '            - driver: nvidia',
            '              count: 1',
            '              capabilities: [gpu]',
            '  notebook:',
            '    image: ubuntu:24.04',
            '    gpus: all',
            '',
          ].join('\n'),
          files: {
            'processor/Dockerfile':
              'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install --no-cache-dir numpy==2.1.2 rasterio==1.4.1\nCOPY processor /app/processor\nCMD ["python", "-m", "processor"]\n',
          },
          errors: [
            {
              line: 16,
              column: 30,
              endLine: 16,
              endColumn: 33,
              message:
                "service \"processor-test\" reserves a GPU, but its image is built by processor/Dockerfile on python:3.12-slim, which ships no CUDA runtime, and the Dockerfile installs none; build FROM a CUDA image (nvidia/cuda:…-runtime, a framework's -cuda/-gpu image) or install the CUDA libraries",
              severity: 'warning',
            },
            {
              line: 19,
              column: 11,
              endLine: 19,
              endColumn: 14,
              message:
                "service \"notebook\" reserves a GPU, but runs ubuntu:24.04, which ships no CUDA runtime; use a CUDA image (nvidia/cuda:…-runtime, a framework's -cuda/-gpu image) or build one",
            },
          ],
        },
      ],
    });
  });

  it('accepts CUDA bases, framework wheels, requirement files it cannot read, unknown images and video-only GPUs', async () => {
    await tester.run({
      valid: [
        {
          filename: 'compose.yaml',
          code: [
            'x-gpu: &gpu',
            '  deploy:',
            '    resources:',
            '      reservations:',
            '        devices:',
            '          - driver: nvidia',
            '            count: 1',
            '            capabilities: [gpu]',
            'services:',
            '  cuda:',
            '    build: cuda',
            '    <<: *gpu',
            '  torch:',
            '    build: torch',
            '    <<: *gpu',
            '  requirements:',
            '    build: requirements',
            '    <<: *gpu',
            '  ollama:',
            '    image: ollama/ollama:0.3.14',
            '    <<: *gpu',
            '  transcoder:',
            '    image: ubuntu:24.04',
            '    environment:',
            '      NVIDIA_DRIVER_CAPABILITIES: video,utility',
            '    <<: *gpu',
            '  cpu:',
            '    build: requirements',
            '',
          ].join('\n'),
          files: {
            'cuda/Dockerfile':
              'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip && rm -rf /var/lib/apt/lists/*\nCMD ["python3", "-m", "processor"]\n',
            'requirements/Dockerfile': 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "-m", "serve"]\n',
            'torch/Dockerfile': 'FROM python:3.12-slim\nRUN pip install --no-cache-dir torch==2.5.1\nCMD ["python", "-m", "train"]\n',
          },
        },
      ],
    });
  });
});
