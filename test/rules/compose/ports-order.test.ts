import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';

const RULE = 'compose/ports-order';
const ON = ['compose/ports-order: info'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/ports-order/bad'])).toEqual([]);
  });

  it('reports the first port out of ascending order, in block and flow lists', async () => {
    const found = await findings(RULE, ['compose/ports-order/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/ports-order/bad/compose.yaml:6:9-6:25 compose/ports-order',
      'compose/ports-order/bad/compose.yaml:14:24-14:31 compose/ports-order',
    ]);
    expect(found.map((d) => d.message)).toEqual([
      'service "web": port ${WEB_PORT}:80 should come before 8080:8080 (ports in ascending order)',
      'service "proxy": port 80:80 should come before 443:443 (ports in ascending order)',
    ]);
  });

  it('sorts them (variables first, long syntax by its published port) and then no longer fires', async () => {
    const found = await findings(RULE, ['compose/ports-order/bad'], { cliRules: ON });
    const { text, after } = await fixAndRelint(RULE, 'compose/ports-order/bad', found, 'compose.yaml', ON);
    expect(text).toBe(`services:
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
`);
    expect(after).toEqual([]);
  });

  it('accepts sorted ports', async () => {
    expect(await findings(RULE, ['compose/ports-order/good'], { cliRules: ON })).toEqual([]);
  });
});
