import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAndRelint } from './fix-helpers.js';

const RULE = 'compose/volumes-unquoted';
const ON = ['compose/volumes-unquoted: info'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/volumes-unquoted/bad'])).toEqual([]);
  });

  it('reports quoted short-syntax volumes that read the same unquoted', async () => {
    const found = await findings(RULE, ['compose/volumes-unquoted/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/volumes-unquoted/bad/compose.yaml:5:9-5:26 compose/volumes-unquoted',
      'compose/volumes-unquoted/bad/compose.yaml:6:9-6:25 compose/volumes-unquoted',
      'compose/volumes-unquoted/bad/compose.yaml:7:9-7:33 compose/volumes-unquoted',
    ]);
    expect(found[0]!.message).toBe('service "foo" quotes volume /data:/app/data, which YAML reads the same without quotes');
  });

  it('removes the quotes and then no longer fires', async () => {
    const found = await findings(RULE, ['compose/volumes-unquoted/bad'], { cliRules: ON });
    const { text, after } = await fixAndRelint(RULE, 'compose/volumes-unquoted/bad', found, 'compose.yaml', ON);
    expect(text).toBe(`services:
  foo:
    image: image:1.0.0
    volumes:
      - /data:/app/data
      - logs:/app/logs
      - ~/minecraft_data:/data
`);
    expect(after).toEqual([]);
  });

  it('accepts plain entries, quotes YAML needs and the long syntax', async () => {
    expect(await findings(RULE, ['compose/volumes-unquoted/good'], { cliRules: ON })).toEqual([]);
  });
});
