import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/container-name-pattern';

describe(RULE, () => {
  it('reports container names Docker rejects', async () => {
    const found = await findings(RULE, ['compose/container-name-pattern/bad']);
    expect(found.map(brief)).toEqual([
      'compose/container-name-pattern/bad/compose.yaml:4:21-4:33 compose/container-name-pattern',
      'compose/container-name-pattern/bad/compose.yaml:7:21-7:25 compose/container-name-pattern',
      'compose/container-name-pattern/bad/compose.yaml:10:21-10:22 compose/container-name-pattern',
    ]);
    expect(found[0]!.message).toBe(
      'service "web" sets container_name "my-app@123", which Docker rejects: names have two or more characters, start with a letter or digit and contain only letters, digits, _ . and -',
    );
  });

  it('accepts valid names and unknown ones', async () => {
    expect(await findings(RULE, ['compose/container-name-pattern/good'])).toEqual([]);
  });

  it("applies the project's own pattern", async () => {
    const found = await findings(RULE, ['compose/container-name-pattern/custom'], {
      cliRules: ['compose/container-name-pattern: [error, {pattern: "^depot-[a-z]+$"}]'],
    });
    expect(found.map(brief)).toEqual(['compose/container-name-pattern/custom/compose.yaml:7:21-7:40 compose/container-name-pattern']);
    expect(found[0]!.message).toBe('service "fastapi" sets container_name "fastapi-application", which does not match the project\'s pattern ^depot-[a-z]+$');
  });
});
