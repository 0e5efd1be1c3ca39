import { describe, it } from 'vitest';
import scalingConflicts from '../../../rules/compose/scaling-conflicts.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/scaling-conflicts', () => {
  it('reports container_name and too few host ports on services with several replicas', async () => {
    await new RuleTester(scalingConflicts).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  discovery:
    image: acme/discovery:1.0.0
    container_name: depot-discovery
    ports:
      - "4860:4860"
    deploy:
      replicas: 3
  worker:
    image: acme/worker:1.0.0
    scale: 4
    ports:
      - "9000-9001:9000"
`,
          errors: [
            {
              line: 4,
              column: 21,
              endLine: 4,
              endColumn: 36,
              message: 'service "discovery" runs 3 replicas but sets container_name, and container names are unique: only one replica can start',
            },
            {
              line: 6,
              column: 9,
              endLine: 6,
              endColumn: 20,
              message:
                'service "discovery" runs 3 replicas but publishes host port 4860, which only one replica can bind; publish a range of 3 ports or let Compose pick them (only the container port)',
            },
            {
              line: 13,
              column: 9,
              endLine: 13,
              endColumn: 25,
              message:
                'service "worker" runs 4 replicas but publishes host port 9000-9001, which only 2 replicas can bind; publish a range of 4 ports or let Compose pick them (only the container port)',
            },
          ],
        },
      ],
    });
  });

  it('accepts three replicas behind three host ports, ports Compose picks and a single replica', async () => {
    await new RuleTester(scalingConflicts).run({
      valid: [
        `services:
  orchesity-api:
    image: acme/api:1.0.0
    deploy:
      replicas: 3
    ports:
      - "8000-8002:8000"
  worker:
    image: acme/worker:1.0.0
    deploy:
      replicas: 5
    ports:
      - "9000"
  single:
    image: acme/single:1.0.0
    container_name: single
    deploy:
      replicas: 1
`,
      ],
    });
  });
});
