import { describe, expect, it } from 'vitest';
import resourceLimits from '../../../rules/compose/resource-limits.js';
import { RuleTester } from '../../../src/testing.js';

const STARVE = 'so one runaway container can starve the host (set deploy.resources.limits)';

describe('compose/resource-limits', () => {
  it('is off in the recommended preset', () => {
    expect(resourceLimits.meta.recommended).toBe(false);
  });

  it("reports missing CPU and memory limits at the deepest key written (legacy keys count; their disagreements are compose/scale-consistency's)", async () => {
    await new RuleTester(resourceLimits).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  minecraft:
    image: itzg/minecraft-server:2024.10.0
    deploy:
      resources:
        limits:
          memory: 1.5G
  api:
    image: acme/api:1.0.0
  discovery:
    image: acme/discovery:1.0.0
    mem_limit: 512m
    cpus: 0.5
    deploy:
      resources:
        limits:
          memory: 256M
          cpus: '0.5'
  worker:
    image: acme/worker:1.0.0
    deploy:
      replicas: 2
`,
          errors: [
            { line: 6, column: 9, endLine: 6, endColumn: 15, message: `service "minecraft" sets no CPU limit, ${STARVE}` },
            { line: 8, column: 3, endLine: 8, endColumn: 6, message: `service "api" sets no CPU limit and no memory limit, ${STARVE}` },
            { line: 21, column: 5, endLine: 21, endColumn: 11, message: `service "worker" sets no CPU limit and no memory limit, ${STARVE}` },
          ],
        },
      ],
    });
  });

  it('accepts limits, agreeing legacy keys and legacy keys alone', async () => {
    await new RuleTester(resourceLimits).run({
      valid: [
        `services:
  discovery:
    image: acme/discovery:1.0.0
    mem_limit: 256m
    cpus: 0.5
    deploy:
      resources:
        limits:
          memory: 256M
          cpus: '0.5'
        reservations:
          memory: 128M
          cpus: '0.25'
  processor:
    image: acme/processor:1.0.0
    deploy:
      resources:
        limits:
          cpus: '12'
          memory: '64G'
  legacy:
    image: acme/legacy:1.0.0
    mem_limit: 1g
    cpus: 2
`,
      ],
    });
  });

  it('with require: [cpus, memory, pids], also asks for a pids limit (deploy or pids_limit)', async () => {
    await new RuleTester(resourceLimits).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  api:
    image: acme/api:1.0.0
    deploy:
      resources:
        limits:
          cpus: '1'
          memory: 1G
  worker:
    image: acme/worker:1.0.0
    pids_limit: 200
    deploy:
      resources:
        limits:
          cpus: '1'
          memory: 1G
`,
          options: { require: ['cpus', 'memory', 'pids'] },
          errors: [{ line: 6, column: 9, endLine: 6, endColumn: 15, message: `service "api" sets no process (pids) limit, ${STARVE}` }],
        },
      ],
    });
  });
});
