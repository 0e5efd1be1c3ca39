import { describe, expect, it } from 'vitest';
import rule from '../../../rules/shell/for-quoted-list.js';
import { RuleTester } from '../../../src/testing.js';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'shell/for-quoted-list';
const tester = new RuleTester(rule);

describe(RULE, () => {
  it('reports a quoted glob and a quoted command substitution as the only loop item', async () => {
    const FILE = 'shell/for-quoted-list/bad/loop.sh';
    const found = await findings(RULE, [FILE]);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${FILE}:2:10-2:27 ${RULE} the loop runs once, over "/etc/app/*.conf" as one word: double quotes keep the glob from matching files; leave the glob characters unquoted`,
      `${FILE}:5:10-5:28 ${RULE} the loop runs once, over "$(cat users.txt)" as one word: double quotes keep the expansion from splitting into words; remove them, or read it into an array`,
    ]);
  });

  it('accepts unquoted globs, "$@", "${arr[@]}", several items and a quoted literal', async () => {
    expect(await findings(RULE, ['shell/for-quoted-list/good'])).toEqual([]);
  });

  it('reports inside a multi-line RUN at the position in the Dockerfile', async () => {
    await tester.run({
      valid: [
        { filename: 'Dockerfile', code: 'FROM alpine\nRUN for f in /tmp/*.apk; do \\\n      apk add "$f"; \\\n    done\n' },
        { filename: 'deploy.sh', code: '#!/bin/sh\nfor x in "$*" "$@"; do :; done\nfor x in "${!map[@]}"; do :; done\n' },
        { filename: "deploy.sh", code: "#!/bin/bash\nfor v in \"${!CONFIG_@}\"; do :; done\nfor a in \"${@:2}\"; do :; done\nfor f in \"${files[@]%.txt}\"; do :; done\n" },
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine\nRUN set -e; \\\n    for f in "/tmp/*.apk"; do \\\n      apk add "$f"; \\\n    done\n',
          errors: [{ line: 3, column: 14, endLine: 3, endColumn: 26, message: /^the loop runs once, over "\/tmp\/\*\.apk" as one word: double quotes keep the glob/ }],
        },
        { filename: 'deploy.sh', code: '#!/bin/bash\nfor x in "$*"; do :; done\nfor y in "$A $B"; do :; done\n', errors: [{ line: 2, column: 10 }, { line: 3, column: 10 }] },
      ],
    });
  });
});
