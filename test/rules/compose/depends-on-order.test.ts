import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';

const RULE = 'compose/depends-on-order';
const ON = ['compose/depends-on-order: info'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/depends-on-order/bad'])).toEqual([]);
  });

  it('reports the first dependency out of alphabetical order, in the short and the long form', async () => {
    const found = await findings(RULE, ['compose/depends-on-order/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/depends-on-order/bad/compose.yaml:6:9-6:11 compose/depends-on-order',
      'compose/depends-on-order/bad/compose.yaml:12:7-12:9 compose/depends-on-order',
    ]);
    expect(found[0]!.message).toBe('service "web": dependency "db" should come before "redis" (depends_on in alphabetical order)');
  });

  it('sorts them, conditions included, and then no longer fires', async () => {
    const found = await findings(RULE, ['compose/depends-on-order/bad'], { cliRules: ON });
    const { text, after } = await fixAndRelint(RULE, 'compose/depends-on-order/bad', found, 'compose.yaml', ON);
    expect(text).toBe(`services:
  web:
    image: nginx:1.27
    depends_on:
      - db
      - redis
  api:
    image: acme/api:1.0.0
    depends_on:
      db:
        condition: service_healthy
        restart: true
      redis:
        condition: service_started
  db:
    image: postgres:16.4
  redis:
    image: redis:7.4
`);
    expect(after).toEqual([]);
  });

  it('accepts sorted dependencies', async () => {
    expect(await findings(RULE, ['compose/depends-on-order/good'], { cliRules: ON })).toEqual([]);
  });
});
