import { describe, expect, it } from 'vitest';
import servicesOrder from '../../../rules/compose/services-order.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/services-order', () => {
  it('is off in the recommended preset', () => {
    expect(servicesOrder.meta.recommended).toBe(false);
  });

  it('reports the first service out of alphabetical order, and sorts the services, each with the comments above and inside it, keeping blank lines in place', async () => {
    await new RuleTester(servicesOrder).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  # the web front
  web:
    image: nginx:1.27

  # the database
  db:
    # We use a mariadb image which supports both amd64 & arm64 architecture
    image: mariadb:10.6
    #image: mysql:8
  cache:
    image: redis:7.4

volumes:
  db_data:
`,
          errors: [{ line: 7, column: 3, endLine: 7, endColumn: 5, message: 'service "db" should come before "web" (services in alphabetical order)' }],
          output: `services:
  cache:
    image: redis:7.4

  # the database
  db:
    # We use a mariadb image which supports both amd64 & arm64 architecture
    image: mariadb:10.6
    #image: mysql:8
  # the web front
  web:
    image: nginx:1.27

volumes:
  db_data:
`,
        },
      ],
    });
    expect(servicesOrder.meta.fix).toBe('safe');
  });

  it('offers no fix when sorting would put an alias before its anchor', async () => {
    await new RuleTester(servicesOrder).run({
      // No `output`: the tester fails when the rule offers a fix.
      invalid: [{ filename: 'compose.yaml', code: 'services:\n  worker:\n    image: &img acme/app:1.0.0\n  api:\n    image: *img\n', errors: [{ line: 4, column: 3, endLine: 4, endColumn: 6 }] }],
    });
  });

  it('accepts sorted services', async () => {
    await new RuleTester(servicesOrder).run({
      valid: ['services:\n  a_service:\n    image: image:1.0.0\n  b_service:\n    image: image:1.0.0\n  c_service:\n    image: image:1.0.0\n'],
    });
  });
});
