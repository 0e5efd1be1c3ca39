import { describe, expect, it } from 'vitest';
import noCgroupParent from '../../../rules/compose/no-cgroup-parent.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/no-cgroup-parent', () => {
  it('is off in the recommended preset', () => {
    expect(noCgroupParent.meta.recommended).toBe(false);
  });

  it('reports cgroup_parent at its value', async () => {
    await new RuleTester(noCgroupParent).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  batch:\n    image: acme/batch:1.0.0\n    cgroup_parent: m-executor-abcd\n',
          errors: [
            {
              line: 4,
              column: 20,
              endLine: 4,
              endColumn: 35,
              message:
                'service "batch" sets cgroup_parent "m-executor-abcd", placing it outside the cgroup Docker creates for containers, so the limits and accounting set up for containers may not apply to it',
            },
          ],
        },
      ],
    });
  });

  it('accepts services without it', async () => {
    await new RuleTester(noCgroupParent).run({ valid: ['services:\n  batch:\n    image: acme/batch:1.0.0\n'] });
  });
});
