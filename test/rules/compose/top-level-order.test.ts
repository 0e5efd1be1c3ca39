import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';

const RULE = 'compose/top-level-order';
const ON = ['compose/top-level-order: info'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/top-level-order/bad'])).toEqual([]);
  });

  it('reports the first top-level key out of order', async () => {
    const found = await findings(RULE, ['compose/top-level-order/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual(['compose/top-level-order/bad/compose.yaml:4:1-4:5 compose/top-level-order']);
    expect(found[0]!.message).toBe('top-level name should come before services');
  });

  it('puts extensions first (alphabetically), then the known keys, and then no longer fires', async () => {
    const found = await findings(RULE, ['compose/top-level-order/bad'], { cliRules: ON });
    const { text, after } = await fixAndRelint(RULE, 'compose/top-level-order/bad', found, 'compose.yaml', ON);
    expect(text).toBe(`x-alpha: alpha
x-beta: beta
name: 'project-name'
services:
  app:
    image: image:1.0.0
networks:
  default:
    driver: bridge
`);
    expect(after).toEqual([]);
  });

  it('accepts the default order, and follows a custom one', async () => {
    expect(await findings(RULE, ['compose/top-level-order/good'], { cliRules: ON })).toEqual([]);
    const custom = await findings(RULE, ['compose/top-level-order/good'], {
      cliRules: ['compose/top-level-order: [info, {order: [name, services, x-*, networks, volumes]}]'],
    });
    expect(custom.map((d) => d.message)).toEqual(['top-level name should come before x-alpha']);
  });
});
