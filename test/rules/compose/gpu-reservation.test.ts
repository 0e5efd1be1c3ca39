import { describe, expect, it } from 'vitest';
import gpuReservation from '../../../rules/compose/gpu-reservation.js';
import { RuleTester } from '../../../src/testing.js';

const legacyRuntime = (service: string) =>
  `service "${service}" uses runtime: nvidia, the legacy nvidia-docker2 way to get GPUs; reserve them with deploy.resources.reservations.devices (capabilities: [gpu])`;
const reservation = (indent: string, ...keys: string[]) =>
  `${indent}reservations:\n${indent}  devices:\n${indent}    - driver: nvidia\n${keys.map((k) => `${indent}      ${k}\n`).join('')}${indent}      capabilities: [gpu]\n`;

/** Seed 000's processor: the legacy runtime next to a reservation, and a variable that exposes every GPU. */
const processor = (runtime: string) =>
  'services:\n  processor:\n    network_mode: host\n    image: acme/processor:1.0.0\n' +
  runtime +
  "    environment:\n      - NVIDIA_VISIBLE_DEVICES=all\n      - NVIDIA_DRIVER_CAPABILITIES=all\n    deploy:\n      resources:\n        limits:\n          cpus: '30'\n          memory: '96G'\n" +
  reservation('        ', 'count: 1');

/** A service that merges the x-gpu anchor, with the reservation the fix writes for it. */
const anchored = (name: string) => `  ${name}:\n    <<: *gpu\n    deploy:\n      resources:\n${reservation('        ', 'count: all')}`;

describe('compose/gpu-reservation', () => {
  it('offers unsafe fixes: a reservation changes which GPUs the container gets', () => {
    expect(gpuReservation.meta.fix).toBe('unsafe');
  });

  it('reports runtime: nvidia and a NVIDIA_VISIBLE_DEVICES that contradicts the reservation; the fix drops the runtime a reservation already covers', async () => {
    await new RuleTester(gpuReservation).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: processor('    runtime: nvidia\n'),
          errors: [
            { line: 5, column: 14, endLine: 5, endColumn: 20, message: legacyRuntime('processor') },
            {
              line: 7,
              column: 32,
              endLine: 7,
              endColumn: 35,
              message: 'service "processor" sets NVIDIA_VISIBLE_DEVICES=all but the reservation asks for count 1; the variable can expose GPUs the reservation does not grant',
            },
          ],
          output: processor(''),
        },
      ],
    });
  });

  it('converts runtime: nvidia into a device reservation, with device_ids from NVIDIA_VISIBLE_DEVICES or count: all', async () => {
    await new RuleTester(gpuReservation).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  trainer:\n    image: acme/trainer:1.0.0\n    runtime: nvidia\n    environment:\n      NVIDIA_VISIBLE_DEVICES: "0,1"\n',
          errors: [{ line: 4, column: 14, endLine: 4, endColumn: 20, message: legacyRuntime('trainer') }],
          output:
            'services:\n  trainer:\n    image: acme/trainer:1.0.0\n    environment:\n      NVIDIA_VISIBLE_DEVICES: "0,1"\n    deploy:\n      resources:\n' +
            reservation('        ', 'device_ids: ["0", "1"]'),
        },
        {
          filename: 'compose.yaml',
          code: 'services:\n  inference:\n    image: acme/inference:1.0.0\n    runtime: nvidia\n    deploy:\n      resources:\n        limits:\n          memory: 8G\n',
          errors: [{ line: 4, column: 14, endLine: 4, endColumn: 20, message: legacyRuntime('inference') }],
          output: 'services:\n  inference:\n    image: acme/inference:1.0.0\n    deploy:\n      resources:\n        limits:\n          memory: 8G\n' + reservation('        ', 'count: all'),
        },
      ],
    });
  });

  it('no longer reports the runtime once converted; what the variable contradicts stays', async () => {
    await new RuleTester(gpuReservation).run({
      invalid: [{ filename: 'compose.yaml', code: processor(''), errors: [{ line: 6, column: 32, endLine: 6, endColumn: 35, message: /^service "processor" sets NVIDIA_VISIBLE_DEVICES=all/ }] }],
      valid: [
        'services:\n  trainer:\n    image: acme/trainer:1.0.0\n    environment:\n      NVIDIA_VISIBLE_DEVICES: "0,1"\n    deploy:\n      resources:\n' + reservation('        ', 'device_ids: ["0", "1"]'),
        `x-gpu: &gpu\n  image: acme/cuda-app:1.0.0\n\nservices:\n${anchored('a')}${anchored('b')}`,
      ],
    });
  });

  it('reports malformed device reservations, with nothing to fix', async () => {
    await new RuleTester(gpuReservation).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  bad-devices:',
            '    image: acme/bad:1.0.0',
            '    deploy:',
            '      resources:',
            '        reservations:',
            '          devices:',
            '            - driver: nvidia',
            '              count: 1',
            '              device_ids: ["0"]',
            '              capabilities: [gpu]',
            '            - capabilities: [gpu]',
            '            - driver: nvidia',
            '              count: two',
            '',
          ].join('\n'),
          errors: [
            { line: 10, column: 15, endLine: 10, endColumn: 25, message: 'service "bad-devices" sets both count and device_ids on one GPU reservation, which Compose rejects' },
            { line: 12, column: 15, endLine: 12, endColumn: 27, message: 'service "bad-devices" reserves GPUs without count or device_ids, which silently takes every GPU on the host' },
            { line: 12, column: 15, endLine: 12, endColumn: 27, message: 'service "bad-devices" reserves a GPU without naming the driver (driver: nvidia)' },
            { line: 13, column: 15, endLine: 13, endColumn: 21, message: 'service "bad-devices" reserves a device without capabilities, which Compose requires (capabilities: [gpu])' },
            { line: 14, column: 22, endLine: 14, endColumn: 25, message: 'service "bad-devices" has GPU count "two"; use a positive number or "all"' },
          ],
        },
      ],
    });
  });

  it('converts a runtime written in an anchor for every service that merges it, in one fix', async () => {
    await new RuleTester(gpuReservation).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'x-gpu: &gpu\n  runtime: nvidia\n  image: acme/cuda-app:1.0.0\n\nservices:\n  a:\n    <<: *gpu\n  b:\n    <<: *gpu\n',
          errors: [{ line: 2, column: 12, endLine: 2, endColumn: 18, message: /^services "a", "b" use runtime: nvidia/ }],
          output: `x-gpu: &gpu\n  image: acme/cuda-app:1.0.0\n\nservices:\n${anchored('a')}${anchored('b')}`,
        },
      ],
    });
  });

  it("accepts the seed's reservation, device_ids that match the variable, count: all and other runtimes", async () => {
    await new RuleTester(gpuReservation).run({
      valid: [
        "services:\n  processor-test:\n    image: acme/processor:1.0.0\n    deploy:\n      resources:\n        limits:\n          cpus: '12'\n          memory: '64G'\n" +
          reservation('        ', 'count: 1'),
        'services:\n  pinned:\n    image: acme/pinned:1.0.0\n    environment:\n      NVIDIA_VISIBLE_DEVICES: "0,1"\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - driver: nvidia\n              device_ids: ["1", "0"]\n              capabilities: [gpu, utility]\n',
        'services:\n  everything:\n    image: acme/everything:1.0.0\n    environment:\n      - NVIDIA_VISIBLE_DEVICES=all\n    deploy:\n      resources:\n' + reservation('        ', 'count: all'),
        'services:\n  wasm:\n    image: acme/wasm:1.0.0\n    runtime: io.containerd.wasmedge.v1\n',
      ],
    });
  });
});
