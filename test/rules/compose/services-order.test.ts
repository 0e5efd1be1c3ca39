import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';

const RULE = 'compose/services-order';
const ON = ['compose/services-order: info'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/services-order/bad'])).toEqual([]);
  });

  it('reports the first service out of alphabetical order', async () => {
    const found = await findings(RULE, ['compose/services-order/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual(['compose/services-order/bad/compose.yaml:7:3-7:5 compose/services-order']);
    expect(found[0]!.message).toBe('service "db" should come before "web" (services in alphabetical order)');
  });

  it('sorts the services, each with the comments above and inside it, keeping blank lines in place', async () => {
    const found = await findings(RULE, ['compose/services-order/bad'], { cliRules: ON });
    const { text, after } = await fixAndRelint(RULE, 'compose/services-order/bad', found, 'compose.yaml', ON);
    expect(text).toBe(`services:
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
`);
    expect(after).toEqual([]);
  });

  it('offers no fix when sorting would put an alias before its anchor', async () => {
    const found = await findings(RULE, ['compose/services-order/anchors'], { cliRules: ON });
    expect(found.map(brief)).toEqual(['compose/services-order/anchors/compose.yaml:4:3-4:6 compose/services-order']);
    expect(found[0]!.fix).toBeUndefined();
  });

  it('accepts sorted services', async () => {
    expect(await findings(RULE, ['compose/services-order/good'], { cliRules: ON })).toEqual([]);
  });
});
