import { describe, expect, it } from 'vitest';
import portsOrder from '../../../rules/compose/ports-order.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/ports-order', () => {
  it('is off in the recommended preset', () => {
    expect(portsOrder.meta.recommended).toBe(false);
  });

  it('reports the first port out of ascending order, in block and flow lists, and sorts them (variables first, long syntax by its published port)', async () => {
    await new RuleTester(portsOrder).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  web:
    image: nginx:1.27
    ports:
      - 8080:8080
      - "\${WEB_PORT}:80"
      - '81'
      - 80:80
      - target: 1000
        published: 8081
      - 1001:443
  proxy:
    image: nginx:1.27
    ports: ["443:443", "80:80"]
`,
          errors: [
            { line: 6, column: 9, endLine: 6, endColumn: 25, message: 'service "web": port ${WEB_PORT}:80 should come before 8080:8080 (ports in ascending order)' },
            { line: 14, column: 24, endLine: 14, endColumn: 31, message: 'service "proxy": port 80:80 should come before 443:443 (ports in ascending order)' },
          ],
          output: `services:
  web:
    image: nginx:1.27
    ports:
      - "\${WEB_PORT}:80"
      - 80:80
      - '81'
      - 1001:443
      - 8080:8080
      - target: 1000
        published: 8081
  proxy:
    image: nginx:1.27
    ports: ["80:80", "443:443"]
`,
        },
      ],
    });
    expect(portsOrder.meta.fix).toBe('safe');
  });

  it('accepts sorted ports', async () => {
    await new RuleTester(portsOrder).run({
      valid: [
        `services:
  web:
    image: nginx:1.27
    ports:
      - "\${WEB_PORT}:80"
      - "79"
      - 80:80
      - '81'
      - 1001:443
      - 8080:8080
      - target: 1000
        published: 8081
`,
      ],
    });
  });
});
