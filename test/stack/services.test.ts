import { describe, expect, it } from 'vitest';
import { gpuRequest, healthcheckTest, runsAsNonRoot } from '../../src/stack/services.js';
import { project, stackOf } from './helpers.js';

async function serviceOf(yaml: string) {
  const stack = await stackOf(project({ 'compose.yaml': `services:\n  s:\n${yaml.replace(/^/gm, '    ')}\n` }));
  const p = stack.composeProjects[0]!;
  return { p, s: p.service('s')! };
}

describe('what stack rules read from a service', () => {
  it.each([
    ['test: ["CMD", "curl", "-f", "http://localhost:8080/health"]', 'CMD', ['curl'], [8080]],
    ['test: ["CMD", "/usr/bin/wget", "-qO-", "https://127.0.0.1/"]', 'CMD', ['wget'], [443]],
    ['test: ["CMD", "sh", "-c", "curl -f localhost:3000 || exit 1"]', 'CMD', ['sh', 'curl', 'exit'], [3000]],
    ['test: curl --fail http://127.0.0.1:40831/ || exit 1', 'CMD-SHELL', ['curl', 'exit'], [40831]],
    ['test: ["CMD-SHELL", "X=1 nc -z localhost 5432 && echo ok"]', 'CMD-SHELL', ['nc', 'echo'], [5432]],
    ['test: ["CMD-SHELL", "curl -f http://localhost:$${PORT}/"]', 'CMD-SHELL', ['curl'], []],
  ])('%s', async (test, form, programs, ports) => {
    const { p, s } = await serviceOf(`healthcheck:\n  ${test}`);
    const hc = healthcheckTest(p, s)!;
    expect(hc.form).toBe(form);
    expect(hc.programs.map((x) => x.name)).toEqual(programs);
    expect(hc.ports.map((x) => x.port)).toEqual(ports);
  });

  it('marks programs a shell test may do without, and skips disabled tests', async () => {
    const either = await serviceOf('healthcheck:\n  test: ["CMD-SHELL", "curl -fs http://localhost/ || wget -q --spider http://localhost/ || exit 1"]');
    expect(healthcheckTest(either.p, either.s)!.programs.map((x) => [x.name, x.guarded])).toEqual([['curl', true], ['wget', true], ['exit', false]]);
    const probe = await serviceOf('healthcheck:\n  test: ["CMD-SHELL", "if command -v curl; then curl -f localhost:80; fi"]');
    expect(healthcheckTest(probe.p, probe.s)!.programs.every((x) => x.guarded)).toBe(true);
    for (const off of ['healthcheck:\n  disable: true', 'healthcheck:\n  test: ["NONE"]']) {
      const { p, s } = await serviceOf(off);
      expect(healthcheckTest(p, s)).toBeUndefined();
    }
  });

  it('finds GPU requests, and leaves video-only GPUs alone', async () => {
    const reserved = await serviceOf('image: x:1\ndeploy:\n  resources:\n    reservations:\n      devices:\n        - capabilities: [gpu]');
    expect(gpuRequest(reserved.p, reserved.s)?.type).toBe('scalar');
    const gpus = await serviceOf('image: x:1\ngpus: all');
    expect(gpuRequest(gpus.p, gpus.s)).toBeDefined();
    const cdi = await serviceOf('image: x:1\ndevices:\n  - nvidia.com/gpu=all');
    expect(gpuRequest(cdi.p, cdi.s)).toBeDefined();
    const video = await serviceOf('image: x:1\ngpus: all\nenvironment:\n  - NVIDIA_DRIVER_CAPABILITIES=video,utility');
    expect(gpuRequest(video.p, video.s)).toBeUndefined();
    const none = await serviceOf('image: x:1');
    expect(gpuRequest(none.p, none.s)).toBeUndefined();
  });

  it.each([
    ['user: "1000:1000"', true],
    ['user: app', true],
    ['user: ${APP_UID}:${APP_GID}', true],
    ['user: root', false],
    ['user: "0:0"', false],
    ['user: ${APP_UID:-0}', false],
    ['image: x:1', false],
  ])('%s runs as non-root: %s', async (yaml, expected) => {
    const { p, s } = await serviceOf(yaml);
    expect(runsAsNonRoot(p, s)).toBe(expected);
  });
});
