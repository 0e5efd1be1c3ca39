import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/undefined-var';

describe(RULE, () => {
  it('reports variables no ARG or ENV declares, with typo hints', async () => {
    const found = await findings(RULE, ['dockerfile/undefined-var/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/undefined-var/bad/Dockerfile:2:18-2:34 dockerfile/undefined-var $ALPINE_VERSON is not declared with an ARG above this one, so it expands to an empty string',
      'dockerfile/undefined-var/bad/Dockerfile:4:6-4:10 dockerfile/undefined-var $foo is not declared with ARG or ENV before this line, so it expands to an empty string',
      'dockerfile/undefined-var/bad/Dockerfile:5:10-5:15 dockerfile/undefined-var $PAHT is not declared with ARG or ENV before this line (did you mean $PATH?), so it expands to an empty string',
      'dockerfile/undefined-var/bad/Dockerfile:6:10-6:18 dockerfile/undefined-var $VERSION is a global ARG, which is not visible inside a stage; add ARG VERSION to this stage to use its value',
      'dockerfile/undefined-var/bad/Dockerfile:8:9-8:17 dockerfile/undefined-var $APP_HOM is not declared with ARG or ENV before this line (did you mean $APP_HOME?), so it expands to an empty string',
      'dockerfile/undefined-var/bad/Dockerfile:11:6-11:15 dockerfile/undefined-var $APP_USER is not declared with ARG or ENV before this line, so it expands to an empty string',
      'dockerfile/undefined-var/bad/Dockerfile:13:38-13:49 dockerfile/undefined-var $TARGETARCH is set by BuildKit only in the global scope; add ARG TARGETARCH to this stage to use it',
    ]);
  });

  it('accepts declared names, inherited ENV, base image variables, shell-form RUN and CMD, and quoted or escaped dollars', async () => {
    expect(await findings(RULE, ['dockerfile/undefined-var/good'])).toEqual([]);
  });
});
