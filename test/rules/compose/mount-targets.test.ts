import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/mount-targets';

describe(RULE, () => {
  it('reports the later of two mounts at one container path, whatever their kinds', async () => {
    const found = await findings(RULE, ['compose/mount-targets/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/mount-targets/bad/compose.yaml:6:9-6:43 compose/mount-targets service "db" mounts a volume at /var/lib/postgresql/data, where a volume is already mounted (line 5); Docker refuses two mounts at one path',
      'compose/mount-targets/bad/compose.yaml:9:9-9:22 compose/mount-targets service "db" mounts a tmpfs at /run, where a tmpfs is already mounted (line 8); Docker refuses two mounts at one path',
      'compose/mount-targets/bad/compose.yaml:16:15-16:22 compose/mount-targets service "app" mounts a secret at /run/secrets/api_key, where a volume is already mounted (line 13); Docker refuses two mounts at one path',
    ]);
  });

  it('accepts distinct paths, and an override replacing a mount at the same path', async () => {
    expect(await findings(RULE, ['compose/mount-targets/good'])).toEqual([]);
  });
});
