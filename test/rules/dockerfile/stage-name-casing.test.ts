import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixWithRule } from './fix-loop.js';

const RULE = 'dockerfile/stage-name-casing';

describe(RULE, () => {
  it('reports an AS that does not match FROM, and stage names that are not lower-case', async () => {
    const found = await findings(RULE, ['dockerfile/stage-name-casing/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `dockerfile/stage-name-casing/bad/Dockerfile:1:18-1:20 ${RULE} "as" does not match the case of "FROM": write "AS"`,
      `dockerfile/stage-name-casing/bad/Dockerfile:1:21-1:26 ${RULE} stage name "Build" is not lower-case; BuildKit compares stage names in lower case, so write "build"`,
      `dockerfile/stage-name-casing/bad/Dockerfile:4:18-4:20 ${RULE} "AS" does not match the case of "from": write "as"`,
      `dockerfile/stage-name-casing/bad/Dockerfile:8:12-8:14 ${RULE} "As" does not match the case of "FROM": write "AS"`,
    ]);
    expect(found.every((d) => d.fix?.safety === 'safe')).toBe(true);
  });

  it('fixes the keyword and renames the stage wherever it is referenced', async () => {
    const { text, remaining } = await fixWithRule(RULE, 'dockerfile/stage-name-casing/bad/Dockerfile');
    expect(text).toBe(
      [
        'FROM golang:1.23 AS build',
        'RUN go build -o /out/app ./...',
        '',
        'from alpine:3.20 as runtime',
        'COPY --from=build /out/app /usr/local/bin/app',
        'RUN --mount=type=bind,from=build,source=/out,target=/mnt ls /mnt',
        '',
        'FROM build AS test',
        '',
      ].join('\n'),
    );
    expect(remaining).toEqual([]);
  });

  it('accepts matching case, lower-case names and a mixed-case FROM', async () => {
    expect(await findings(RULE, ['dockerfile/stage-name-casing/good'])).toEqual([]);
  });
});
