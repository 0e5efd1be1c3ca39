import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';
import { RuleTester } from '../../../src/testing.js';
import portsQuoted from '../../../rules/compose/ports-quoted.js';

const RULE = 'compose/ports-quoted';

describe(RULE, () => {
  it('reports the unquoted mapping YAML 1.1 reads as a base-60 number, not the ones it reads as strings', async () => {
    const found = await findings(RULE, ['compose/ports-quoted/bad']);
    expect(found.map(brief)).toEqual(['compose/ports-quoted/bad/compose.yaml:8:9-8:16 compose/ports-quoted']);
    expect(found[0]!.message).toBe('service "nginx" writes ports entry 2222:22 unquoted; YAML 1.1 parsers read it as the base-60 number 133342; quote it');
  });

  it('quotes it, keeping the comment, and then no longer fires', async () => {
    const found = await findings(RULE, ['compose/ports-quoted/bad']);
    const { text, after } = await fixAndRelint(RULE, 'compose/ports-quoted/bad', found);
    expect(text).toBe(`# Seed 000's nginx: unquoted mappings, one of them base-60 in YAML 1.1.
services:
  nginx:
    image: nginx:1.27
    ports:
      - 80:80
      - 443:443
      - "2222:22"  # SSH access
    expose:
      - 3000
`);
    expect(after).toEqual([]);
  });

  it('with all: true and single quotes, also quotes single ports and expose entries', async () => {
    const cli = ['compose/ports-quoted: [warning, {all: true, quote: single}]'];
    const found = await findings(RULE, ['compose/ports-quoted'], { cliRules: cli });
    expect(found.map(brief)).toEqual([
      'compose/ports-quoted/bad/compose.yaml:6:9-6:14 compose/ports-quoted',
      'compose/ports-quoted/bad/compose.yaml:7:9-7:16 compose/ports-quoted',
      'compose/ports-quoted/bad/compose.yaml:8:9-8:16 compose/ports-quoted',
      'compose/ports-quoted/bad/compose.yaml:10:9-10:13 compose/ports-quoted',
      'compose/ports-quoted/good/compose.yaml:8:9-8:13 compose/ports-quoted',
    ]);
    expect(found[0]!.message).toBe('service "nginx" writes ports entry 80:80 unquoted; quote it, as the all option asks of every port entry');
    expect(found[3]!.fix!.edits).toEqual([{ start: 204, end: 208, text: "'3000'" }]);
  });

  it("accepts the seed's quoted mappings, single ports and the long syntax", async () => {
    expect(await findings(RULE, ['compose/ports-quoted/good'])).toEqual([]);
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
