import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { RuleTester } from '../../../src/testing.js';
import envSelfReference from '../../../rules/dockerfile/env-self-reference.js';

const RULE = 'dockerfile/env-self-reference';

describe(RULE, () => {
  it('reports a variable set earlier in the same ENV', async () => {
    const found = await findings(RULE, ['dockerfile/env-self-reference/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/env-self-reference/bad/Dockerfile:2:24-2:30 dockerfile/env-self-reference $BLA is set earlier in this same ENV, but every value of one ENV is expanded before any is set, so it gets the old value; move BLUBB to its own ENV',
      'dockerfile/env-self-reference/bad/Dockerfile:3:35-3:40 dockerfile/env-self-reference $PATH is set earlier in this same ENV, but every value of one ENV is expanded before any is set, so it gets the old value; move PATH to its own ENV',
    ]);
  });

  it('accepts separate ENVs, partial name matches, PATH=…:$PATH, ARG values and quoted or escaped dollars', async () => {
    expect(await findings(RULE, ['dockerfile/env-self-reference/good'])).toEqual([]);
  });

  it('accepts a variable an earlier pair set to its own old value (an ARG passed on to ENV): old and new are the same', async () => {
    await new RuleTester(envSelfReference).run({
      valid: [
        'FROM alpine:3.20\nARG VERSION=2.4.1\nENV VERSION=${VERSION} \\\n    DOWNLOAD_URL=https://example.com/tool-${VERSION}.tgz\n',
        'FROM alpine:3.20\nARG APP_HOME\nENV APP_HOME="$APP_HOME" APP_DATA=$APP_HOME/data\n',
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20\nARG VERSION=2.4.1\nENV VERSION=v${VERSION} DOWNLOAD_URL=https://example.com/tool-${VERSION}.tgz\n',
          errors: [{ line: 3, column: 63, endColumn: 73, message: /^\$VERSION is set earlier in this same ENV/ }],
        },
      ],
    });
  });
});
