import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/merge-tags';

describe(RULE, () => {
  it('reports ignored !reset values, pointless !override, unknown tags and tags in a base file', async () => {
    const found = await findings(RULE, ['compose/merge-tags/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/merge-tags/bad/compose.override.yaml:3:5-3:10 compose/merge-tags services.web.image is tagged !override, which changes nothing for a single value (a later file\'s value always replaces it)',
      'compose/merge-tags/bad/compose.override.yaml:4:5-4:16 compose/merge-tags services.web.environment is tagged !reset, so the value written after the tag is ignored; write "!reset null" (or [] / {}) to make that clear',
      'compose/merge-tags/bad/compose.yaml:4:5-4:10 compose/merge-tags services.web.ports is tagged !reset, so the value written after the tag is ignored; write "!reset null" (or [] / {}) to make that clear',
      'compose/merge-tags/bad/compose.yaml:5:5-5:12 compose/merge-tags services.web.command has the tag "!rest", which compose does not know; only !reset and !override have a meaning',
      'compose/merge-tags/bad/compose.yaml:8:5-8:16 compose/merge-tags services.api.environment is tagged !reset in the base file, where there is nothing to reset: it only removes the key',
    ]);
  });

  it('accepts the tags in an override and in a service that extends another', async () => {
    expect(await findings(RULE, ['compose/merge-tags/good'])).toEqual([]);
  });
});
