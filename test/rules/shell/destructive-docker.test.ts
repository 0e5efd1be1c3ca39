import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'shell/destructive-docker';
const FILE = 'shell/destructive-docker/bad/reset.sh';
const GUARD = 'run it only behind a guard (a confirmation prompt, a --force option, an if) or suppress this line with a reason';

describe(RULE, () => {
  it('reports volume deletion and system prune that run unconditionally (seeds 001 and 002)', async () => {
    const found = await findings(RULE, [FILE]);
    expect(found.map((d) => `${brief(d)} ${d.message.replace(GUARD, '…')}`)).toEqual([
      `${FILE}:4:21-4:23 ${RULE} "docker compose down -v" deletes the named volumes of the project and the data in them; …`,
      `${FILE}:6:8-6:20 ${RULE} "docker system prune" deletes every stopped container, unused network, dangling image and the build cache on the host; …`,
      `${FILE}:8:21-8:23 ${RULE} "docker-compose down -v" deletes the named volumes of the project and the data in them; …`,
      `${FILE}:9:8-9:17 ${RULE} "docker volume rm" deletes the volumes and the data in them; …`,
      `${FILE}:10:8-10:20 ${RULE} "docker volume prune" deletes every unused volume and their data; …`,
    ]);
  });

  it('accepts the same commands under if, case, && and ||, and commands that keep data', async () => {
    expect(await findings(RULE, ['shell/destructive-docker/good'])).toEqual([]);
  });

  it('is silenced by a suppression comment with a reason', async () => {
    const found = await findings(RULE, ['shell/destructive-docker/suppressed']);
    expect(found.map((d) => [brief(d), d.suppressed])).toEqual([
      [
        'shell/destructive-docker/suppressed/dev-reset.sh:4:47-4:49 shell/destructive-docker',
        { kind: 'inline', justification: 'dev-only reset, data is seeded again below' },
      ],
    ]);
  });
});
