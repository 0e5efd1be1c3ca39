import { describe, expect, it } from 'vitest';
import noNewPrivileges from '../../../rules/compose/no-new-privileges.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/no-new-privileges', () => {
  it('is off in the recommended preset', () => {
    expect(noNewPrivileges.meta.recommended).toBe(false);
  });

  it('reports services without no-new-privileges, at security_opt when it is written, and adds no-new-privileges:true to security_opt (block or flow) or adds the key (unsafe: a key more)', async () => {
    await new RuleTester(noNewPrivileges).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  api:
    image: acme/api:1.0.0
  web:
    image: acme/web:1.0.0
    security_opt:
      - label:type:svirt_apache_t
  flow:
    image: acme/flow:1.0.0
    security_opt: [apparmor:docker-default]
`,
          errors: [
            { line: 2, column: 3, endLine: 2, endColumn: 6, message: 'service "api" does not set no-new-privileges, so a setuid binary inside it can still raise a process to root' },
            { line: 6, column: 5, endLine: 6, endColumn: 17, message: /^service "web" does not set no-new-privileges/ },
            { line: 10, column: 5, endLine: 10, endColumn: 17, message: /^service "flow" does not set no-new-privileges/ },
          ],
          output: `services:
  api:
    image: acme/api:1.0.0
    security_opt:
      - no-new-privileges:true
  web:
    image: acme/web:1.0.0
    security_opt:
      - label:type:svirt_apache_t
      - no-new-privileges:true
  flow:
    image: acme/flow:1.0.0
    security_opt: [apparmor:docker-default, no-new-privileges:true]
`,
        },
      ],
    });
    expect(noNewPrivileges.meta.fix).toBe('unsafe');
  });

  it('accepts no-new-privileges in its forms', async () => {
    await new RuleTester(noNewPrivileges).run({
      valid: [
        `services:
  api:
    image: acme/api:1.0.0
    security_opt:
      - no-new-privileges:true
  web:
    image: acme/web:1.0.0
    security_opt: ["no-new-privileges"]
`,
      ],
    });
  });
});
