import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';

const RULE = 'compose/no-new-privileges';
const ON = ['compose/no-new-privileges: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/no-new-privileges/bad'])).toEqual([]);
  });

  it('reports services without no-new-privileges, at security_opt when it is written', async () => {
    const found = await findings(RULE, ['compose/no-new-privileges/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/no-new-privileges/bad/compose.yaml:2:3-2:6 compose/no-new-privileges',
      'compose/no-new-privileges/bad/compose.yaml:6:5-6:17 compose/no-new-privileges',
      'compose/no-new-privileges/bad/compose.yaml:10:5-10:17 compose/no-new-privileges',
    ]);
    expect(found[0]!.message).toBe('service "api" does not set no-new-privileges, so a setuid binary inside it can still raise a process to root');
  });

  it('adds no-new-privileges:true to security_opt (block or flow) or adds the key, and then no longer fires', async () => {
    const found = await findings(RULE, ['compose/no-new-privileges/bad'], { cliRules: ON });
    const { text, after } = await fixAndRelint(RULE, 'compose/no-new-privileges/bad', found, 'compose.yaml', ON);
    expect(text).toBe(`services:
  api:
    image: acme/api:1.0.0
    security_opt:
      - no-new-privileges:true
  web:
    image: acme/web:1.0.0
    security_opt:
      - label:type:svirt_apache_t
      - no-new-privileges:true
  flow:
    image: acme/flow:1.0.0
    security_opt: [apparmor:docker-default, no-new-privileges:true]
`);
    expect(after).toEqual([]);
  });

  it('accepts no-new-privileges in its forms', async () => {
    expect(await findings(RULE, ['compose/no-new-privileges/good'], { cliRules: ON })).toEqual([]);
  });
});
