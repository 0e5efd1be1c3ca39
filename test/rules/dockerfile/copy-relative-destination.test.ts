import { describe, it } from 'vitest';
import copyRelativeDestination from '../../../rules/dockerfile/copy-relative-destination.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(copyRelativeDestination);
const advice = (instruction: string, destination: string) =>
  `${instruction} to the relative path "${destination}" with no WORKDIR set lands wherever the base image's working directory happens to be; set WORKDIR first or use an absolute path`;

describe('dockerfile/copy-relative-destination', () => {
  it('reports COPY/ADD to a relative path before any WORKDIR of the stage or its parents', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12 AS stage1\nWORKDIR /usr\nFROM debian:12\nCOPY foo bar\nADD archive.tar.gz "data"\nONBUILD COPY . app/\n',
          errors: [
            { line: 4, column: 10, endLine: 4, endColumn: 13, message: advice('COPY', 'bar') },
            { line: 5, column: 20, endLine: 5, endColumn: 26, message: advice('ADD', 'data') },
            { line: 6, column: 16, endLine: 6, endColumn: 20, message: advice('COPY', 'app/') },
          ],
        },
      ],
    });
  });

  it('accepts WORKDIR inherited from a parent stage, absolute and variable destinations, and ONBUILD WORKDIR', async () => {
    await tester.run({
      valid: [
        'FROM debian:12 AS base1\nWORKDIR /usr\nFROM base1 AS base2\nRUN foo\nFROM base2\nCOPY foo bar\n',
        'FROM debian:12\nCOPY bla.sh /usr/local/bin/blubb.sh\nCOPY src.sh ${SRC_BASE_ENV}\n',
        'FROM debian:12\nONBUILD WORKDIR /app\nONBUILD COPY . .\n',
        'FROM debian:12\nWORKDIR /srv\nCOPY . .\n',
      ],
    });
  });

  it('knows the working directory of a FROM scratch stage, and of stages built on it, is /', async () => {
    const build = 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/app\n\n';
    await tester.run({
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
