import { describe, expect, it } from 'vitest';
import portsQuoted from '../../../rules/compose/ports-quoted.js';
import { RuleTester } from '../../../src/testing.js';

const NGINX = `services:
  nginx:
    image: nginx:1.27
    ports:
      - 80:80
      - 443:443
      - 2222:22  # SSH access
    expose:
      - 3000
`;

const DISCOVERY = `services:
  discovery:
    image: acme/discovery:1.0.0
    ports:
      - "4860:4860"
      - '8080:80'
      - 9090
      - target: 80
        published: 8081
`;

describe('compose/ports-quoted', () => {
  it('reports the unquoted mapping YAML 1.1 reads as a base-60 number, not the ones it reads as strings, and quotes it keeping the comment', async () => {
    await new RuleTester(portsQuoted).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: NGINX,
          errors: [
            { line: 7, column: 9, endLine: 7, endColumn: 16, message: 'service "nginx" writes ports entry 2222:22 unquoted; YAML 1.1 parsers read it as the base-60 number 133342; quote it' },
          ],
          output: NGINX.replace('- 2222:22  #', '- "2222:22"  #'),
        },
      ],
    });
    expect(portsQuoted.meta.fix).toBe('safe');
  });

  it('with all: true and single quotes, also quotes single ports and expose entries', async () => {
    const options = { all: true, quote: 'single' };
    await new RuleTester(portsQuoted).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: NGINX,
          options,
          errors: [
            { line: 5, column: 9, endLine: 5, endColumn: 14, message: 'service "nginx" writes ports entry 80:80 unquoted; quote it, as the all option asks of every port entry' },
            { line: 6, column: 9, endLine: 6, endColumn: 16 },
            { line: 7, column: 9, endLine: 7, endColumn: 16 },
            { line: 9, column: 9, endLine: 9, endColumn: 13, message: 'service "nginx" writes expose entry 3000 unquoted; quote it, as the all option asks of every port entry' },
          ],
          output: `services:
  nginx:
    image: nginx:1.27
    ports:
      - '80:80'
      - '443:443'
      - '2222:22'  # SSH access
    expose:
      - '3000'
`,
        },
        { filename: 'compose.yaml', code: DISCOVERY, options, errors: [{ line: 7, column: 9, endLine: 7, endColumn: 13 }], output: DISCOVERY.replace('- 9090', "- '9090'") },
      ],
    });
  });

  it('accepts quoted mappings, single ports and the long syntax', async () => {
    await new RuleTester(portsQuoted).run({ valid: [DISCOVERY] });
  });

  it('offers no fix for a number with a leading zero, which compose reads as octal (0800 would become port 800)', async () => {
    await new RuleTester(portsQuoted).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  app:\n    image: app:1\n    expose:\n      - 0800\n      - 8080\n',
          options: { all: true },
          errors: [
            { line: 5, column: 9, message: 'service "app" writes expose entry 0800 unquoted; quote it, as the all option asks of every port entry' },
            { line: 6, column: 9, message: 'service "app" writes expose entry 8080 unquoted; quote it, as the all option asks of every port entry' },
          ],
          output: 'services:\n  app:\n    image: app:1\n    expose:\n      - 0800\n      - "8080"\n',
        },
      ],
    });
  });

  it('by default reports only what YAML 1.1 really reads as a base-60 number', async () => {
    const ports = (...items: string[]) => `services:\n  web:\n    image: nginx:1.27\n    ports:\n${items.map((i) => `      - ${i}\n`).join('')}`;
    await new RuleTester(portsQuoted).run({
      valid: [ports('80:80', '8080:80', '${PORT}:80', '127.0.0.1:9000:9000', '5432:5432', '14000:14000', '3000-3005:3000-3005', '53:53/udp', '0:30')],
      invalid: [
        {
          filename: 'compose.yaml',
          code: ports('80:80', '22:22', '3000:30'),
          errors: [
            { line: 6, column: 9, endColumn: 14, message: 'service "web" writes ports entry 22:22 unquoted; YAML 1.1 parsers read it as the base-60 number 1342; quote it' },
            { line: 7, column: 9, endColumn: 16, message: 'service "web" writes ports entry 3000:30 unquoted; YAML 1.1 parsers read it as the base-60 number 180030; quote it' },
          ],
          output: ports('80:80', '"22:22"', '"3000:30"'),
        },
      ],
    });
  });
});
