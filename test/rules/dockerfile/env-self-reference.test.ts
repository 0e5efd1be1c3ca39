import { describe, it } from 'vitest';
import envSelfReference from '../../../rules/dockerfile/env-self-reference.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(envSelfReference);

describe('dockerfile/env-self-reference', () => {
  it('reports a variable set earlier in the same ENV', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20\nENV BLA="blubb" BLUBB="${BLA}/blubb"\nENV PATH=/bla:${PATH} PATH=/blubb:$PATH\n',
          errors: [
            {
              line: 2,
              column: 24,
              endLine: 2,
              endColumn: 30,
              message: '$BLA is set earlier in this same ENV, but every value of one ENV is expanded before any is set, so it gets the old value; move BLUBB to its own ENV',
            },
            {
              line: 3,
              column: 35,
              endLine: 3,
              endColumn: 40,
              message: '$PATH is set earlier in this same ENV, but every value of one ENV is expanded before any is set, so it gets the old value; move PATH to its own ENV',
            },
          ],
        },
      ],
    });
  });

  it('accepts separate ENVs, partial name matches, PATH=…:$PATH, ARG values and quoted or escaped dollars', async () => {
    await tester.run({
      valid: [
        'FROM alpine:3.20\nENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"\n',
        'FROM alpine:3.20\nENV BLA=x BLUBB="${FOOBLA}/$BLAFOO/BLA"\n',
        'FROM alpine:3.20\nENV PATH=/bla:${PATH}\n',
        'FROM alpine:3.20\nARG VERSION\nENV VERSION=${VERSION}\n',
        "FROM alpine:3.20\nENV BLA=x LITERAL='$BLA' ESCAPED=\\$BLA\n",
      ],
    });
  });

  it('accepts a variable an earlier pair set to its own old value (an ARG passed on to ENV): old and new are the same', async () => {
    await tester.run({
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
