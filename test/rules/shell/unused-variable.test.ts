import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/unused-variable.js';
import { RuleTester } from '../../../src/testing.js';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'shell/unused-variable';
const tester = new RuleTester(rule);

describe(RULE, () => {
  it('reports variables assigned and never read, at their last assignment', async () => {
    const FILE = 'shell/unused-variable/bad/build.sh';
    const found = await findings(RULE, [FILE]);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${FILE}:3:1-3:8 ${RULE} version is assigned but never read; remove it, or export it if a program the script starts needs it`,
      `${FILE}:6:9-6:12 ${RULE} tag is assigned but never read; remove it, or export it if a program the script starts needs it`,
    ]);
  });

  it('accepts reads in expansions, arithmetic and indexes, exports, appends, shell variables, command prefixes, and scripts that source or are sourced', async () => {
    expect(await findings(RULE, ['shell/unused-variable/good'])).toEqual([]);
  });

  it('reports in a multi-line RUN, and stays quiet where names are computed', async () => {
    await tester.run({
      valid: [
        { filename: 'Dockerfile', code: 'FROM alpine\nRUN v=1.2; \\\n    wget "https://example.com/app-$v.tgz"\n' },
        { filename: 'run.sh', code: '#!/bin/bash\nx=1\neval "echo \\$x"\n' },
        { filename: 'run.sh', code: '#!/bin/bash\nset -a\nPORT=80\nexec ./server\n' },
        { filename: 'run.sh', code: '#!/bin/bash\nCONF_A=1\nfor v in "${!CONF_@}"; do echo "$v"; done\n' },
        { filename: 'run.sh', code: '#!/bin/sh\nNAME=x\nFILE=$NAME.$VER.tgz\necho "$FILE"\n' },
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN set -e; \\\n    version=1.2; \\\n    apk add curl\n',
          errors: [{ line: 3, column: 5, endLine: 3, endColumn: 12, message: 'version is assigned but never read; remove it, or export it if a program the script starts needs it' }],
        },
        { filename: 'run.sh', code: '#!/bin/sh\na=1\na=2\n', errors: [{ line: 3, column: 1 }] },
      ],
    });
  });
});
