import { describe, expect, it } from 'vitest';
import restartPolicy from '../../../rules/compose/restart-policy.js';
import { RuleTester } from '../../../src/testing.js';

const BAD = `x-base: &base
  image: acme/base:1.0.0

services:
  api:
    image: acme/api:1.0.0
    ports:
      - "8000:8000"
  worker:
    <<: *base
  scheduler:
    image: acme/scheduler:1.0.0
    restart: never
  nginx: {image: "nginx:1.27"}
`;

/** BAD with the policy added to the block mappings; the invalid policy and the flow mapping are left to the user. */
const fixedWith = (policy: string) => `x-base: &base
  image: acme/base:1.0.0

services:
  api:
    image: acme/api:1.0.0
    ports:
      - "8000:8000"
    restart: ${policy}
  worker:
    <<: *base
    restart: ${policy}
  scheduler:
    image: acme/scheduler:1.0.0
    restart: never
  nginx: {image: "nginx:1.27"}
`;

const ERRORS = [
  { line: 5, column: 3, endLine: 5, endColumn: 6, message: 'service "api" sets no restart policy, so it stays down after a crash or a Docker restart' },
  { line: 9, column: 3, endLine: 9, endColumn: 9 },
  { line: 13, column: 14, endLine: 13, endColumn: 19, message: 'service "scheduler" has restart "never", which is not one of "no", "always", "on-failure[:N]" or "unless-stopped"' },
  { line: 14, column: 3, endLine: 14, endColumn: 8 },
];

describe('compose/restart-policy', () => {
  it('is off in the recommended preset', () => {
    expect(restartPolicy.meta.recommended).toBe(false);
  });

  it('reports long-running services without a restart policy and invalid policies; adds restart: unless-stopped to block mappings (after a merge key too), not to a flow mapping', async () => {
    await new RuleTester(restartPolicy).run({
      invalid: [{ filename: 'compose.yaml', code: BAD, errors: ERRORS, output: fixedWith('unless-stopped') }],
    });
    expect(restartPolicy.meta.fix).toBe('unsafe');
  });

  it('with policy: always, adds that policy', async () => {
    await new RuleTester(restartPolicy).run({
      invalid: [{ filename: 'compose.yaml', code: BAD, options: { policy: 'always' }, errors: ERRORS, output: fixedWith('always') }],
    });
  });

  it('accepts policies, one-shot jobs, deploy.restart_policy and extends', async () => {
    await new RuleTester(restartPolicy).run({
      valid: [
        `services:
  discovery:
    image: acme/discovery:1.0.0
    restart: unless-stopped
  dispatch:
    image: acme/dispatch:1.0.0
    restart: always
    depends_on:
      migrate:
        condition: service_completed_successfully
  crashy:
    image: acme/crashy:1.0.0
    restart: on-failure:5
  migrate:
    image: acme/migrate:1.0.0
  job:
    image: acme/job:1.0.0
    restart: "no"
  swarm:
    image: acme/swarm:1.0.0
    deploy:
      restart_policy:
        condition: on-failure
  child:
    extends: discovery
`,
      ],
    });
  });
});
