import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/no-cd';
const BAD = 'dockerfile/no-cd/bad/Dockerfile';

describe(RULE, () => {
  it('reports cd in RUN at the command, and relative WORKDIRs', async () => {
    const found = await findings(RULE, ['dockerfile/no-cd/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${BAD}:2:5-2:12 ${RULE} "cd /app" changes the directory for this RUN only and hides where the commands run; use WORKDIR /app instead`,
      `${BAD}:5:5-5:17 ${RULE} "cd /opt/tool" changes the directory for this RUN only and hides where the commands run; use WORKDIR /opt/tool instead`,
      `${BAD}:7:9-7:12 ${RULE} relative WORKDIR "app" depends on the base image's working directory, which can change with the base image; use an absolute path`,
      `${BAD}:9:9-9:13 ${RULE} relative WORKDIR "data" resolves against the previous WORKDIR; write the absolute path "/srv/data"`,
    ]);
    expect(found[3]!.suggestions?.[0]?.edits.map((e) => e.text)).toEqual(['/srv/data']);
  });

  it('accepts subshells, temporary folders removed in the same RUN, going back and WORKDIR variables', async () => {
    expect(await findings(RULE, ['dockerfile/no-cd/good'])).toEqual([]);
  });
});
