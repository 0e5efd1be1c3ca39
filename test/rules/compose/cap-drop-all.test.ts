import { describe, expect, it } from 'vitest';
import capDropAll from '../../../rules/compose/cap-drop-all.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/cap-drop-all', () => {
  it('is off in the recommended preset', () => {
    expect(capDropAll.meta.recommended).toBe(false);
  });

  it('reports services that do not drop ALL capabilities: at the service without cap_drop, at a cap_drop without ALL', async () => {
    await new RuleTester(capDropAll).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  api:\n    image: acme/api:1.0.0\n  pihole:\n    image: pihole/pihole:2024.07.0\n    cap_add:\n      - NET_ADMIN\n    cap_drop:\n      - MKNOD\n',
          errors: [
            { line: 2, column: 3, endLine: 2, endColumn: 6, message: "service \"api\" keeps Docker's default capabilities (no cap_drop); drop ALL and cap_add only what it needs" },
            { line: 8, column: 5, endLine: 8, endColumn: 13, message: "service \"pihole\" keeps Docker's default capabilities (cap_drop does not list ALL); drop ALL and cap_add only what it needs" },
          ],
        },
      ],
    });
  });

  it('accepts cap_drop: [ALL] in any case', async () => {
    await new RuleTester(capDropAll).run({
      valid: [
        'services:\n  api:\n    image: acme/api:1.0.0\n    cap_drop: [ALL]\n',
        'services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - all\n    cap_add:\n      - NET_BIND_SERVICE\n',
      ],
    });
  });
});
