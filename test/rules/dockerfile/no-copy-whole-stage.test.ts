import { describe, it } from 'vitest';
import noCopyWholeStage from '../../../rules/dockerfile/no-copy-whole-stage.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(noCopyWholeStage);
const wholeStage = (from: string) =>
  `COPY --from=${from} / / copies the stage's entire filesystem (package databases, caches, build tools included) over this one; copy only the paths the image needs`;

describe('dockerfile/no-copy-whole-stage', () => {
  it('reports COPY --from=<stage> / /, by name or index, quoted or not', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build / /\nCOPY --from=0 "/" "/"\n',
          errors: [
            { line: 4, column: 19, endLine: 4, endColumn: 20, message: wholeStage('build') },
            { line: 5, column: 15, endLine: 5, endColumn: 18, message: wholeStage('0') },
          ],
        },
      ],
    });
  });

  it('accepts copying parts of a stage, copying into a folder and copying whole images', async () => {
    await tester.run({
      valid: [
        'FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build /app /\nCOPY --from=build / /app\nCOPY / /\nCOPY --from=gloursdocker/docker / /\n',
      ],
    });
  });
});
