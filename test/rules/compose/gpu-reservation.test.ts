import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';

const RULE = 'compose/gpu-reservation';

describe(RULE, () => {
  it('reports runtime: nvidia, contradicting NVIDIA_VISIBLE_DEVICES and malformed device reservations', async () => {
    const found = await findings(RULE, ['compose/gpu-reservation/bad']);
    expect(found.map(brief)).toEqual([
      'compose/gpu-reservation/bad/compose.yaml:6:14-6:20 compose/gpu-reservation',
      'compose/gpu-reservation/bad/compose.yaml:8:32-8:35 compose/gpu-reservation',
      'compose/gpu-reservation/bad/compose.yaml:22:14-22:20 compose/gpu-reservation',
      'compose/gpu-reservation/bad/compose.yaml:27:14-27:20 compose/gpu-reservation',
      'compose/gpu-reservation/bad/compose.yaml:40:15-40:25 compose/gpu-reservation',
      'compose/gpu-reservation/bad/compose.yaml:42:15-42:27 compose/gpu-reservation',
      'compose/gpu-reservation/bad/compose.yaml:42:15-42:27 compose/gpu-reservation',
      'compose/gpu-reservation/bad/compose.yaml:43:15-43:21 compose/gpu-reservation',
      'compose/gpu-reservation/bad/compose.yaml:44:22-44:25 compose/gpu-reservation',
    ]);
    expect(found[0]!.message).toBe(
      'service "processor" uses runtime: nvidia, the legacy nvidia-docker2 way to get GPUs; reserve them with deploy.resources.reservations.devices (capabilities: [gpu])',
    );
    expect(found[1]!.message).toBe(
      'service "processor" sets NVIDIA_VISIBLE_DEVICES=all but the reservation asks for count 1; the variable can expose GPUs the reservation does not grant',
    );
    expect(found.slice(4).map((d) => d.message)).toEqual([
      'service "bad-devices" sets both count and device_ids on one GPU reservation, which Compose rejects',
      'service "bad-devices" reserves GPUs without count or device_ids, which silently takes every GPU on the host',
      'service "bad-devices" reserves a GPU without naming the driver (driver: nvidia)',
      'service "bad-devices" reserves a device without capabilities, which Compose requires (capabilities: [gpu])',
      'service "bad-devices" has GPU count "two"; use a positive number or "all"',
    ]);
  });

  it('converts runtime: nvidia into a device reservation (device_ids from NVIDIA_VISIBLE_DEVICES) and no longer reports the runtime', async () => {
    const found = await findings(RULE, ['compose/gpu-reservation/bad']);
    const { text, after } = await fixAndRelint(RULE, 'compose/gpu-reservation/bad', found);
    expect(text).toMatchInlineSnapshot(`
      "# Seed 000's processor: the legacy runtime next to a reservation, and a variable that exposes every GPU.
      services:
        processor:
          network_mode: host
          image: acme/processor:1.0.0
          environment:
            - NVIDIA_VISIBLE_DEVICES=all
            - NVIDIA_DRIVER_CAPABILITIES=all
          deploy:
            resources:
              limits:
                cpus: '30'
                memory: '96G'
              reservations:
                devices:
                  - driver: nvidia
                    count: 1
                    capabilities: [gpu]
        trainer:
          image: acme/trainer:1.0.0
          environment:
            NVIDIA_VISIBLE_DEVICES: "0,1"
          deploy:
            resources:
              reservations:
                devices:
                  - driver: nvidia
                    device_ids: ["0", "1"]
                    capabilities: [gpu]
        inference:
          image: acme/inference:1.0.0
          deploy:
            resources:
              limits:
                memory: 8G
              reservations:
                devices:
                  - driver: nvidia
                    count: all
                    capabilities: [gpu]
        bad-devices:
          image: acme/bad:1.0.0
          deploy:
            resources:
              reservations:
                devices:
                  - driver: nvidia
                    count: 1
                    device_ids: ["0"]
                    capabilities: [gpu]
                  - capabilities: [gpu]
                  - driver: nvidia
                    count: two
      "
    `);
    expect(after.filter((d) => d.message.includes('runtime: nvidia'))).toEqual([]);
  });

  it('converts a runtime written in an anchor for every service that merges it, in one fix', async () => {
    const found = await findings(RULE, ['compose/gpu-reservation/shared']);
    expect(found.map(brief)).toEqual(['compose/gpu-reservation/shared/compose.yaml:2:12-2:18 compose/gpu-reservation']);
    expect(found[0]!.message).toMatch(/^services "a", "b" use runtime: nvidia/);
    const { text, after } = await fixAndRelint(RULE, 'compose/gpu-reservation/shared', found);
    expect(text).toMatchInlineSnapshot(`
      "x-gpu: &gpu
        image: acme/cuda-app:1.0.0

      services:
        a:
          <<: *gpu
          deploy:
            resources:
              reservations:
                devices:
                  - driver: nvidia
                    count: all
                    capabilities: [gpu]
        b:
          <<: *gpu
          deploy:
            resources:
              reservations:
                devices:
                  - driver: nvidia
                    count: all
                    capabilities: [gpu]
      "
    `);
    expect(after).toEqual([]);
  });

  it("accepts the seed's reservation, device_ids that match the variable, count: all and other runtimes", async () => {
    expect(await findings(RULE, ['compose/gpu-reservation/good'])).toEqual([]);
  });
});
