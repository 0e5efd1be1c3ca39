import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'shell/no-privileged-run';
const FILE = 'shell/no-privileged-run/bad/debug.sh';

describe(RULE, () => {
  it('reports --privileged, the Docker socket, host namespaces and broad capabilities at the option', async () => {
    const found = await findings(RULE, [FILE]);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${FILE}:3:17-3:29 ${RULE} docker run --privileged gives the container every capability and the host devices: root in it is root on the host`,
      `${FILE}:4:28-4:75 ${RULE} docker run mounts the Docker socket, which gives the container full control of the Docker host`,
      `${FILE}:5:17-5:31 ${RULE} docker run uses the host network, so the container bypasses network isolation and sees every host interface`,
      `${FILE}:6:27-6:37 ${RULE} docker container run uses the host network, so the container bypasses network isolation and sees every host interface`,
      `${FILE}:6:38-6:48 ${RULE} docker container run shares the host's process namespace, so the container sees and can signal every host process`,
      `${FILE}:6:49-6:68 ${RULE} docker container run adds SYS_ADMIN, which is nearly as powerful as --privileged`,
      `${FILE}:7:15-7:88 ${RULE} docker run mounts the Docker socket, which gives the container full control of the Docker host`,
      `${FILE}:8:13-8:25 ${RULE} docker exec --privileged gives the container every capability and the host devices: root in it is root on the host`,
    ]);
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });

  it('accepts ordinary runs, narrow capabilities, --privileged=false and docker build', async () => {
    expect(await findings(RULE, ['shell/no-privileged-run/good'])).toEqual([]);
  });
});
