import { describe, it } from 'vitest';
import buildOrImage from '../../../rules/compose/build-or-image.js';
import healthcheckRequired from '../../../rules/compose/healthcheck-required.js';
import references from '../../../rules/compose/references.js';
import restartPolicy from '../../../rules/compose/restart-policy.js';
import unplacedFragment from '../../../rules/compose/unplaced-fragment.js';
import { RuleTester } from '../../../src/testing.js';

const BASE = 'services:\n  app:\n    image: example/app:1.0\n';
const FRAGMENT = 'services:\n  worker:\n    command: ["worker"]\n    volumes:\n      - queue:/var/queue\n';
const LAYERED = { filename: 'compose.worker.yaml', code: 'services:\n  worker:\n    command: ["worker"]\n', files: { 'compose.yaml': BASE, 'worker.sh': '#!/bin/sh\nexec docker compose -f compose.yaml -f compose.worker.yaml up -d worker\n' } };

describe('compose/unplaced-fragment', () => {
  it('reports once, as info, a fragment no evidence places', async () => {
    await new RuleTester(unplacedFragment).run({
      invalid: [
        {
          filename: 'compose.worker.yaml',
          code: FRAGMENT,
          files: { 'compose.yaml': BASE },
          errors: [
            {
              line: 1,
              column: 1,
              endLine: 1,
              endColumn: 9,
              severity: 'info',
              message:
                'linted as an unplaced fragment, with completeness checks off: service "worker" has neither image nor build (and 1 more), and no script, Makefile, CI file or README says which file it is layered on; declare it in .stackpolicyrc under projects: (files: [compose.yaml, compose.worker.yaml])',
            },
          ],
        },
      ],
    });
  });

  it('keeps the completeness rules silent on an unplaced fragment, while they still check its base', async () => {
    const unplaced = { filename: 'compose.worker.yaml', code: FRAGMENT, files: { 'compose.yaml': BASE } };
    await new RuleTester(buildOrImage).run({ valid: [unplaced] });
    await new RuleTester(references).run({ valid: [unplaced] });
    // Its fix changes the base only: the fragment's text stays as it is.
    await new RuleTester(restartPolicy).run({
      invalid: [{ ...unplaced, errors: [{ file: 'compose.yaml', line: 2, column: 3, message: /^service "app" sets no restart policy/ }], output: FRAGMENT }],
    });
    await new RuleTester(healthcheckRequired).run({ invalid: [{ ...unplaced, errors: [{ file: 'compose.yaml', line: 2, column: 3, message: /^service "app" has no healthcheck/ }] }] });
  });

  it('is silent when a script layers the file on its base, which is then checked merged', async () => {
    await new RuleTester(unplacedFragment).run({ valid: [LAYERED] });
    await new RuleTester(buildOrImage).run({ valid: [LAYERED] });
  });
});
