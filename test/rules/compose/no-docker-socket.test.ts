import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/no-docker-socket';

describe(RULE, () => {
  it('reports the Docker socket mounted read-write, read-only, in the long syntax and through a default', async () => {
    const found = await findings(RULE, ['compose/no-docker-socket/bad']);
    expect(found.map(brief)).toEqual([
      'compose/no-docker-socket/bad/compose.yaml:5:9-5:52 compose/no-docker-socket',
      'compose/no-docker-socket/bad/compose.yaml:10:9-10:53 compose/no-docker-socket',
      'compose/no-docker-socket/bad/compose.yaml:15:17-15:59 compose/no-docker-socket',
    ]);
    expect(found[0]!.message).toBe(
      'service "portainer" mounts the container engine socket /var/run/docker.sock, which gives it control of every container and root on the host; if it is needed, suppress this finding with a comment that says why',
    );
    expect(found[1]!.message).toContain('(read-only does not help)');
  });

  it('accepts a socket proxy whose mount is suppressed with a reason, and files merely named like the socket', async () => {
    const found = await findings(RULE, ['compose/no-docker-socket/good']);
    expect(found.filter((d) => !d.suppressed)).toEqual([]);
    expect(found.map((d) => d.suppressed?.justification)).toEqual(['the proxy exposes only GET /containers to traefik']);
  });
});
