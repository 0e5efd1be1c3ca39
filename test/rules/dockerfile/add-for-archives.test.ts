import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/add-for-archives';

describe(RULE, () => {
  it('reports a copied tar archive that a later RUN of the stage unpacks', async () => {
    const found = await findings(RULE, ['dockerfile/add-for-archives/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/add-for-archives/bad/Dockerfile:2:6-2:25 dockerfile/add-for-archives "packaged-app.tar.gz" is copied and then unpacked with tar on line 4; ADD unpacks a local tar archive itself, without keeping the archive in a layer',
      'dockerfile/add-for-archives/bad/Dockerfile:5:6-5:23 dockerfile/add-for-archives "vendor/bundle.tar" is copied and then unpacked with tar on line 6; ADD unpacks a local tar archive itself, without keeping the archive in a layer',
    ]);
  });

  it('accepts archives copied from stages, zip files, non-archives and archives that are not unpacked', async () => {
    expect(await findings(RULE, ['dockerfile/add-for-archives/good'])).toEqual([]);
  });
});
