import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { RuleTester } from '../../../src/testing.js';
import copyRelativeDestination from '../../../rules/dockerfile/copy-relative-destination.js';

const RULE = 'dockerfile/copy-relative-destination';

describe(RULE, () => {
  it('reports COPY/ADD to a relative path before any WORKDIR of the stage or its parents', async () => {
    const found = await findings(RULE, ['dockerfile/copy-relative-destination/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/copy-relative-destination/bad/Dockerfile:4:10-4:13 dockerfile/copy-relative-destination COPY to the relative path "bar" with no WORKDIR set lands wherever the base image\'s working directory happens to be; set WORKDIR first or use an absolute path',
      'dockerfile/copy-relative-destination/bad/Dockerfile:5:20-5:26 dockerfile/copy-relative-destination ADD to the relative path "data" with no WORKDIR set lands wherever the base image\'s working directory happens to be; set WORKDIR first or use an absolute path',
      'dockerfile/copy-relative-destination/bad/Dockerfile:6:16-6:20 dockerfile/copy-relative-destination COPY to the relative path "app/" with no WORKDIR set lands wherever the base image\'s working directory happens to be; set WORKDIR first or use an absolute path',
    ]);
  });

  it('accepts WORKDIR inherited from a parent stage, absolute and variable destinations, and ONBUILD WORKDIR', async () => {
    expect(await findings(RULE, ['dockerfile/copy-relative-destination/good'])).toEqual([]);
  });

  it('knows the working directory of a FROM scratch stage, and of stages built on it, is /', async () => {
    const build = 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/app\n\n';
    await new RuleTester(copyRelativeDestination).run({
      valid: [
        `${build}FROM scratch AS artifact\nCOPY --from=build /out/app app\n`,
        `${build}FROM scratch AS bin\nCOPY --from=build /out/app .\n\nFROM bin\nCOPY LICENSE licenses/\n`,
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: `${build}FROM alpine:3.20\nCOPY --from=build /out/app app\n`,
          errors: [{ line: 7, column: 28, endColumn: 31, message: /^COPY to the relative path "app" with no WORKDIR set/ }],
        },
      ],
    });
  });
});
