import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';

const RULE = 'compose/service-keys-order';
const ON = ['compose/service-keys-order: info'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/service-keys-order/bad'])).toEqual([]);
  });

  it('reports the first key out of the grouped order, once per service', async () => {
    const found = await findings(RULE, ['compose/service-keys-order/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/service-keys-order/bad/compose.yaml:4:5-4:10 compose/service-keys-order',
      'compose/service-keys-order/bad/compose.yaml:13:5-13:10 compose/service-keys-order',
    ]);
    expect(found.map((d) => d.message)).toEqual(['service "app": image should come before container_name', 'service "db": image should come before user']);
  });

  it('reorders the keys and then no longer fires', async () => {
    const found = await findings(RULE, ['compose/service-keys-order/bad'], { cliRules: ON });
    const { text, after } = await fixAndRelint(RULE, 'compose/service-keys-order/bad', found, 'compose.yaml', ON);
    expect(text).toBe(`services:
  app:
    image: acme/app:1.0.0
    container_name: my_container
    volumes:
      - ./data:/data
    environment:
      - NODE_ENV=production
    ports:
      - "8080:8080"
  db:
    image: postgres:16.4
    restart: always
    healthcheck:
      test: ["CMD", "pg_isready"]
    user: postgres
`);
    expect(after).toEqual([]);
  });

  it('accepts keys in order, unknown keys last', async () => {
    expect(await findings(RULE, ['compose/service-keys-order/good'], { cliRules: ON })).toEqual([]);
  });
});
