import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/unique-container-names';

describe(RULE, () => {
  it('reports a container_name used twice, also through a default', async () => {
    const found = await findings(RULE, ['compose/unique-container-names/bad']);
    expect(found.map(brief)).toEqual(['compose/unique-container-names/bad/compose.yaml:7:21-7:39 compose/unique-container-names']);
    expect(found[0]!.message).toBe(
      'service "worker" sets container_name "app", which service "api" already uses (line 4); Docker refuses to create the second container',
    );
  });

  it('accepts distinct names and names that depend on unset variables', async () => {
    expect(await findings(RULE, ['compose/unique-container-names/good'])).toEqual([]);
  });
});
