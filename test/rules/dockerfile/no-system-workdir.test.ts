import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/no-system-workdir';
const BAD = 'dockerfile/no-system-workdir/bad/Dockerfile';

describe(RULE, () => {
  it('reports system folders, and / when files are then copied relative to it', async () => {
    const found = await findings(RULE, ['dockerfile/no-system-workdir/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${BAD}:2:9-2:17 ${RULE} WORKDIR /usr/bin is a system directory: the application's files and relative COPYs land among the operating system's; use a folder of its own such as /app`,
      `${BAD}:3:9-3:14 ${RULE} WORKDIR /etc/ is a system directory: the application's files and relative COPYs land among the operating system's; use a folder of its own such as /app`,
      `${BAD}:6:9-6:10 ${RULE} WORKDIR / makes the relative COPY on line 7 write into the root of the file system; use a folder of its own such as /app`,
    ]);
  });

  it('accepts / without relative copies, application folders and folders below /etc', async () => {
    expect(await findings(RULE, ['dockerfile/no-system-workdir/good'])).toEqual([]);
  });
});
