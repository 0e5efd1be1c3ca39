import { describe, expect, it, vi } from 'vitest';
import topLevelOrder from '../../../rules/compose/top-level-order.js';
import { RuleTester } from '../../../src/testing.js';

const GOOD = `x-alpha: alpha
x-beta: beta
name: 'project-name'
services:
  app:
    image: image:1.0.0
networks:
  default:
    driver: bridge
volumes:
  data:
`;

describe('compose/top-level-order', () => {
  it('is off in the recommended preset', () => {
    expect(topLevelOrder.meta.recommended).toBe(false);
  });

  it('reports the first top-level key out of order, and puts extensions first (alphabetically), then the known keys', async () => {
    await new RuleTester(topLevelOrder).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  app:
    image: image:1.0.0
name: 'project-name'
x-beta: beta
x-alpha: alpha
networks:
  default:
    driver: bridge
`,
          errors: [{ line: 4, column: 1, endLine: 4, endColumn: 5, message: 'top-level name should come before services' }],
          output: `x-alpha: alpha
x-beta: beta
name: 'project-name'
services:
  app:
    image: image:1.0.0
networks:
  default:
    driver: bridge
`,
        },
      ],
    });
    expect(topLevelOrder.meta.fix).toBe('safe');
  });

  it('reports but offers no reordering of a file whose aliases expand without bound (an alias bomb)', async () => {
    // A second x-bomb redefines the anchors deeper: what the parse stage builds stays small, a full expansion does not.
    const bomb = (depth: number) =>
      Array.from({ length: depth }, (_, i) => (i === 0 ? '  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]' : `  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`)).join('\n');
    await new RuleTester(topLevelOrder).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:\n  app:\n    image: image:1.0.0\nx-bomb:\n${bomb(5)}\nx-bomb:\n${bomb(7)}\n`,
          errors: [{ line: 4, column: 1, message: 'top-level x-bomb should come before services' }],
        },
      ],
    });
  });

  it('compares a file with a collection as a key without a warning on stderr, and still offers the fix', async () => {
    const warn = vi.spyOn(process, 'emitWarning');
    await new RuleTester(topLevelOrder).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  app:\n    image: image:1.0.0\nx-pairs:\n  ? [a, b]\n  : c\n',
          errors: [{ line: 4, column: 1, message: 'top-level x-pairs should come before services' }],
          output: 'x-pairs:\n  ? [a, b]\n  : c\nservices:\n  app:\n    image: image:1.0.0\n',
        },
      ],
    });
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([]);
  });

  it('accepts the default order, and follows a custom one', async () => {
    await new RuleTester(topLevelOrder).run({
      valid: [GOOD],
      invalid: [
        {
          filename: 'compose.yaml',
          code: GOOD,
          options: { order: ['name', 'services', 'x-*', 'networks', 'volumes'] },
          errors: [{ line: 3, column: 1, message: 'top-level name should come before x-alpha' }],
          output: `name: 'project-name'
services:
  app:
    image: image:1.0.0
x-alpha: alpha
x-beta: beta
networks:
  default:
    driver: bridge
volumes:
  data:
`,
        },
      ],
    });
  });
});
