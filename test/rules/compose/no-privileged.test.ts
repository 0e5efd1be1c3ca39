import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/no-privileged';

describe(RULE, () => {
  it('reports privileged: true (also through a default), ALL and SYS_ADMIN capabilities and unconfined security options', async () => {
    const found = await findings(RULE, ['compose/no-privileged/bad']);
    expect(found.map(brief)).toEqual([
      'compose/no-privileged/bad/compose.yaml:4:17-4:21 compose/no-privileged',
      'compose/no-privileged/bad/compose.yaml:9:9-9:12 compose/no-privileged',
      'compose/no-privileged/bad/compose.yaml:12:15-12:28 compose/no-privileged',
      'compose/no-privileged/bad/compose.yaml:14:9-14:27 compose/no-privileged',
      'compose/no-privileged/bad/compose.yaml:15:9-15:28 compose/no-privileged',
      'compose/no-privileged/bad/compose.yaml:16:9-16:22 compose/no-privileged',
      'compose/no-privileged/bad/compose.yaml:19:17-19:38 compose/no-privileged',
    ]);
    expect(found[0]!.message).toBe(
      'service "dind" runs privileged: every device and capability of the host, no seccomp or AppArmor; add only the capabilities or devices it needs',
    );
    expect(found[2]!.message).toBe('service "debugger" adds capability SYS_ADMIN, which is as good as privileged; add the narrow capabilities it needs instead');
    expect(found[3]!.message).toBe(
      'service "debugger" sets security_opt seccomp:unconfined, removing a kernel confinement every container gets by default',
    );
  });

  it('accepts narrow capabilities, privileged: false and custom profiles', async () => {
    expect(await findings(RULE, ['compose/no-privileged/good'])).toEqual([]);
  });
});
