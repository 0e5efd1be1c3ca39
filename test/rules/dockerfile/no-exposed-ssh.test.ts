import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/no-exposed-ssh';

describe(RULE, () => {
  it('reports port 22, alone or in a range', async () => {
    const found = await findings(RULE, ['dockerfile/no-exposed-ssh/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `dockerfile/no-exposed-ssh/bad/Dockerfile:2:11-2:17 ${RULE} EXPOSE 22/tcp offers SSH: a container should not run an SSH server; use docker exec (or kubectl exec) to get a shell`,
      `dockerfile/no-exposed-ssh/bad/Dockerfile:3:8-3:13 ${RULE} EXPOSE 20-25 offers SSH: a container should not run an SSH server; use docker exec (or kubectl exec) to get a shell`,
    ]);
  });

  it('accepts other ports, UDP 22 and builder stages', async () => {
    expect(await findings(RULE, ['dockerfile/no-exposed-ssh/good'])).toEqual([]);
  });
});
