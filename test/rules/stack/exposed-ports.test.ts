import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'stack/exposed-ports';

describe(RULE, () => {
  it('reports published and healthchecked container ports the image does not EXPOSE, at the port', async () => {
    const found = await findings(RULE, ['stack/exposed-ports/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `stack/exposed-ports/bad/mismatch/compose.yaml:5:25-5:27 ${RULE} service "api" publishes container port 80, but its image (built by Dockerfile) EXPOSEs only 8000; check which port the service listens on`,
      `stack/exposed-ports/bad/mismatch/compose.yaml:6:17-6:21 ${RULE} service "api" publishes container port 9090, but its image (built by Dockerfile) EXPOSEs only 8000; check which port the service listens on`,
      `stack/exposed-ports/bad/mismatch/compose.yaml:9:65-9:69 ${RULE} service "api"'s healthcheck probes port 8081, but its image (built by Dockerfile) EXPOSEs only 8000; check which port the service listens on`,
    ]);
    expect(found[0]!.severity).toBe('info');
  });

  it('accepts build args in EXPOSE, ports the base image exposes, images that EXPOSE nothing and host networking', async () => {
    expect(await findings(RULE, ['stack/exposed-ports/good'])).toEqual([]);
  });
});
