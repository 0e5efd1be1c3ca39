import { describe, expect, it } from 'vitest';
import dependsOnOrder from '../../../rules/compose/depends-on-order.js';
import { RuleTester } from '../../../src/testing.js';

const services = '  db:\n    image: postgres:16.4\n  redis:\n    image: redis:7.4\n';
const web = (deps: string) => `services:\n  web:\n    image: nginx:1.27\n    depends_on:\n${deps}${services}`;
const api = (deps: string) => `services:\n  api:\n    image: acme/api:1.0.0\n    depends_on:\n${deps}${services}`;
const redisFirst = '      redis:\n        condition: service_started\n';
const dbFirst = '      db:\n        condition: service_healthy\n        restart: true\n';

describe('compose/depends-on-order', () => {
  it('is off in the recommended preset', () => {
    expect(dependsOnOrder.meta.recommended).toBe(false);
  });

  it('reports the first dependency out of alphabetical order, in the short and the long form, and sorts them, conditions included', async () => {
    await new RuleTester(dependsOnOrder).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: web('      - redis\n      - db\n'),
          errors: [{ line: 6, column: 9, endLine: 6, endColumn: 11, message: 'service "web": dependency "db" should come before "redis" (depends_on in alphabetical order)' }],
          output: web('      - db\n      - redis\n'),
        },
        {
          filename: 'compose.yaml',
          code: api(redisFirst + dbFirst),
          errors: [{ line: 7, column: 7, endLine: 7, endColumn: 9, message: 'service "api": dependency "db" should come before "redis" (depends_on in alphabetical order)' }],
          output: api(dbFirst + redisFirst),
        },
      ],
    });
  });

  it('accepts sorted dependencies, among them the text its fix gives', async () => {
    await new RuleTester(dependsOnOrder).run({
      valid: [`services:\n  web:\n    image: nginx:1.27\n    depends_on: [db, redis]\n${services}`, web('      - db\n      - redis\n'), api(dbFirst + redisFirst)],
    });
  });
});
