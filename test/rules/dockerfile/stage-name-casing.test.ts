import { describe, expect, it } from 'vitest';
import stageNameCasing from '../../../rules/dockerfile/stage-name-casing.js';
import { RuleTester } from '../../../src/testing.js';

const FIXED = [
  'FROM golang:1.23 AS build',
  'RUN go build -o /out/app ./...',
  '',
  'from alpine:3.20 as runtime',
  'COPY --from=build /out/app /usr/local/bin/app',
  'RUN --mount=type=bind,from=build,source=/out,target=/mnt ls /mnt',
  '',
  'FROM build AS test',
  '',
].join('\n');

describe('dockerfile/stage-name-casing', () => {
  it('reports an AS that does not match FROM and stage names that are not lower-case; fixes the keyword and renames the stage wherever it is referenced', async () => {
    await new RuleTester(stageNameCasing).run({
      valid: [{ filename: 'Dockerfile', code: FIXED, name: 'the fixed file' }],
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM golang:1.23 as Build',
            'RUN go build -o /out/app ./...',
            '',
            'from alpine:3.20 AS runtime',
            'COPY --from=Build /out/app /usr/local/bin/app',
            'RUN --mount=type=bind,from=Build,source=/out,target=/mnt ls /mnt',
            '',
            'FROM Build As test',
            '',
          ].join('\n'),
          errors: [
            { line: 1, column: 18, endColumn: 20, message: '"as" does not match the case of "FROM": write "AS"' },
            { line: 1, column: 21, endColumn: 26, message: 'stage name "Build" is not lower-case; BuildKit compares stage names in lower case, so write "build"' },
            { line: 4, column: 18, endColumn: 20, message: '"AS" does not match the case of "from": write "as"' },
            { line: 8, column: 12, endColumn: 14, message: '"As" does not match the case of "FROM": write "AS"' },
          ],
          output: FIXED,
        },
      ],
    });
  });

  it('offers its fixes as safe: BuildKit reads the same stages either way', () => {
    expect(stageNameCasing.meta.fix).toBe('safe');
  });

  it('accepts matching case, lower-case names and a mixed-case FROM', async () => {
    await new RuleTester(stageNameCasing).run({
      valid: [
        'FROM node:20-slim AS deps\nRUN npm --version\n\nfrom node:20-slim as build\nCOPY --from=deps /usr/local/bin/node /tmp/node\n\nFrom node:20-slim as mixed\nFROM build\n',
      ],
    });
  });
});
