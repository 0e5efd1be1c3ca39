import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/from-args';

describe(RULE, () => {
  it('reports undeclared ARGs in FROM and defaults that give no valid image', async () => {
    const found = await findings(RULE, ['dockerfile/from-args/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/from-args/bad/Dockerfile:3:6-3:20 dockerfile/from-args with the ARG defaults, FROM busybox:${TAG} resolves to "busybox:", which is not a valid image reference, so the build needs --build-arg to work; give ARG TAG a default',
      'dockerfile/from-args/bad/Dockerfile:4:13-4:23 dockerfile/from-args FROM uses $VARIANT, but no ARG VARIANT is declared before the first FROM; it expands to an empty string',
      'dockerfile/from-args/bad/Dockerfile:5:17-5:31 dockerfile/from-args FROM uses $BUILDPLATFROM, but no ARG BUILDPLATFROM is declared before the first FROM (did you mean $BUILDPLATFORM?); it expands to an empty string',
      'dockerfile/from-args/bad/Dockerfile:7:6-7:13 dockerfile/from-args with the ARG defaults, FROM ${BASE} resolves to "python:", which is not a valid image reference, so the build needs --build-arg to work',
    ]);
  });

  it('accepts declared ARGs, ARGs valid when empty, defaults in ${X:-d}, platform ARGs and stage references', async () => {
    expect(await findings(RULE, ['dockerfile/from-args/good'])).toEqual([]);
  });
});
