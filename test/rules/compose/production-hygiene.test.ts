import { describe, it } from 'vitest';
import type { ComposeContext } from '../../../rules/kit/define.js';
import type { AnyRule } from '../../../src/core/rule.js';
import { RuleTester, type ExpectedError } from '../../../src/testing.js';
import dataVolume from '../../../rules/compose/data-volume.js';
import healthcheckComplete from '../../../rules/compose/healthcheck-complete.js';
import healthcheckRequired from '../../../rules/compose/healthcheck-required.js';
import internalNetwork from '../../../rules/compose/internal-network.js';
import loggingRotation from '../../../rules/compose/logging-rotation.js';
import portsLoopback from '../../../rules/compose/ports-loopback.js';
import resourceLimits from '../../../rules/compose/resource-limits.js';
import restartPolicy from '../../../rules/compose/restart-policy.js';

/** A stack every production-hygiene rule has something to say about. */
const STACK = `services:
  web:
    image: acme/web:1.4.2
    ports:
      - "8080:8080"
    depends_on: [db]
    healthcheck:
      test: ["CMD", "true"]
      interval: 5s
      retries: 10
  db:
    image: postgres:16.4
    ports:
      - "5432:5432"
`;

/** Where each rule reports on STACK when it runs in production. */
const HYGIENE: [AnyRule, ExpectedError[]][] = [
  [resourceLimits, [{ line: 2, column: 3 }, { line: 11, column: 3 }]],
  [loggingRotation, [{ line: 2, column: 3 }, { line: 11, column: 3 }]],
  [restartPolicy, [{ line: 2, column: 3 }, { line: 11, column: 3 }]],
  [healthcheckRequired, [{ line: 11, column: 3 }]],
  [healthcheckComplete, [{ line: 7, column: 5, message: 'healthcheck of service "web" leaves timeout to Docker\'s defaults; set it so readiness timing is explicit' }]],
  [internalNetwork, [{ line: 14, column: 9 }]],
  [portsLoopback, [{ line: 14, column: 9 }]],
  [dataVolume, [{ line: 11, column: 3 }]],
];

/** Paths that show a file is for development, tests, CI or a devcontainer. */
const NON_PRODUCTION = [
  'ci/basic/compose.yaml',
  '.ci/compose.yaml',
  'tests/docker-compose.yml',
  'dev-postgres/docker-compose.yml',
  '.devcontainer/docker-compose.yml',
  'e2e/compose.yaml',
  'compose.dev.yaml',
  'docker-compose.test.yml',
  'compose.ci.yaml',
  'compose.cypress.yaml',
  'docker-compose.override.unit_tests_cicd.yml',
  'docker-compose-e2e.yml',
];

const DEV_HEADER = '# This configuration file is for the **development** setup.\n# For a production example see the setup repository.\n';
const TEST_HEADER = '# THIS IS NOT TO BE USED FOR PERSONAL DEPLOYMENTS!\n# Internal stack used for testing deployments\n\n';

describe('production-hygiene rules and non-production compose files', () => {
  it.each(HYGIENE.map(([rule, errors]) => [rule.meta.id, rule, errors] as const))(
    '%s reports in production files and is silent in files for development, tests and CI',
    async (_id, rule, errors) => {
      const expected = errors;
      await new RuleTester(findingsOnly(rule)).run({
        valid: [
          ...NON_PRODUCTION.map((filename) => ({ filename, code: STACK, name: filename })),
          { filename: 'compose.yaml', code: DEV_HEADER + STACK, name: 'a header saying it is for development' },
          { filename: 'docker-compose.deploy.yml', code: TEST_HEADER + STACK, name: 'a header saying it is not for deployments' },
        ],
        invalid: [
          { filename: 'compose.yaml', code: STACK, errors: expected },
          { filename: 'deploy/docker-compose.yml', code: STACK, errors: expected, name: 'a folder that says nothing' },
          { filename: 'ci/compose.prod.yaml', code: STACK, errors: expected, name: 'production by name wins over the ci/ folder' },
          { filename: 'ci/compose.yaml', code: STACK, errors: expected, settings: { nonProductionFiles: [] }, name: 'nonProductionFiles: [] turns the path evidence off' },
          { filename: 'ci/compose.yaml', code: STACK, errors: expected, settings: { productionFiles: ['ci/*.yaml'] }, name: 'productionFiles names it' },
        ],
      });
    },
  );

  it('in a layered project, checks the base as production and leaves the dev environment out, without naming environments', async () => {
    const dev = 'services:\n  mailhog:\n    image: mailhog/mailhog:v1.0.1\n  web:\n    environment:\n      DEBUG: "1"\n';
    await new RuleTester(resourceLimits).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: STACK,
          files: { 'compose.dev.yaml': dev },
          errors: [
            { line: 2, column: 3, message: 'service "web" sets no CPU limit and no memory limit, so one runaway container can starve the host (set deploy.resources.limits)' },
            { line: 11, column: 3, message: 'service "db" sets no CPU limit and no memory limit, so one runaway container can starve the host (set deploy.resources.limits)' },
          ],
        },
      ],
    });
  });
});

/** The rule with its fixes left out: here only where it reports matters (each rule's fixes are tested in its own file). */
function findingsOnly(rule: AnyRule): AnyRule {
  const withoutFixes =
    (check: (ctx: never) => void) =>
    (ctx: ComposeContext): void =>
      check(
        new Proxy(ctx, {
          get: (target, key) =>
            key === 'report' ? (d: Parameters<typeof target.report>[0]) => target.report({ ...d, fix: undefined }) : Reflect.get(target, key),
        }) as never,
      );
  const meta = { ...rule.meta, fix: 'none' as const };
  if (rule.parts) return { meta, parts: rule.parts.map((part) => ({ ...part, check: withoutFixes(part.check as (ctx: never) => void) })) } as AnyRule;
  return { meta, check: withoutFixes(rule.check as (ctx: never) => void) } as AnyRule;
}
