import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'stack/healthcheck-tool';

describe(RULE, () => {
  it('reports curl on alpine and slim images, a tool the Dockerfile (or a dockerfile_inline) removes, CMD-SHELL on distroless and a program distroless lacks, at the compose line of the test', async () => {
    const found = await findings(RULE, ['stack/healthcheck-tool/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `stack/healthcheck-tool/bad/depot-curl/compose.yaml:11:22-11:26 ${RULE} service "discovery"'s healthcheck runs curl, but its image (alpine:3.21, built by discovery/Dockerfile) has no curl: alpine ships wget (the busybox applet) but not curl and the Dockerfile does not install it; install curl in the image's last stage, or use ["CMD", "wget", "-q", "--spider", URL]`,
      `stack/healthcheck-tool/bad/distroless/compose.yaml:5:27-5:45 ${RULE} service "api"'s healthcheck runs through /bin/sh (CMD-SHELL), but its image (gcr.io/distroless/static-debian12:nonroot, built by Dockerfile) has no shell: distroless does not ship sh and the Dockerfile does not install it; use the exec form ["CMD", …] with a program the image has`,
      `stack/healthcheck-tool/bad/exec-form/compose.yaml:5:22-5:29 ${RULE} service "nginx"'s healthcheck runs service, but its image (gcr.io/distroless/cc-debian12, built by Dockerfile) has no service: distroless does not ship service and the Dockerfile does not install it; install service in the image's last stage, or check health with a program the image has`,
      `stack/healthcheck-tool/bad/exec-form/compose.yaml:10:22-10:39 ${RULE} service "probe"'s healthcheck runs grpc_health_probe, but its image gcr.io/distroless/static-debian12:nonroot has no grpc_health_probe: distroless does not ship grpc_health_probe; install grpc_health_probe in the image's last stage, or check health with a program the image has`,
      `stack/healthcheck-tool/bad/inline/compose.yaml:9:22-9:26 ${RULE} service "worker"'s healthcheck runs curl, but its image (python:3.12-slim, built by an inline Dockerfile) has no curl: line 2 of an inline Dockerfile removes it; install curl in the image's last stage, or check health with a program the image has`,
      `stack/healthcheck-tool/bad/slim/compose.yaml:5:13-5:17 ${RULE} service "api"'s healthcheck runs curl, but its image (python:3.12-slim, built by Dockerfile) has no curl: python (slim) does not ship curl and the Dockerfile does not install it; install curl in the image's last stage, or check health with a program the image has`,
      `stack/healthcheck-tool/bad/slim/compose.yaml:12:28-12:32 ${RULE} service "worker"'s healthcheck runs curl, but its image (python:3.12-slim, built by Dockerfile, stage "worker") has no curl: line 2 of Dockerfile removes it; install curl in the image's last stage, or check health with a program the image has`,
      `stack/healthcheck-tool/bad/slim/compose.yaml:16:22-16:26 ${RULE} service "cache"'s healthcheck runs curl, but its image alpine:3.20 has no curl: alpine ships wget (the busybox applet) but not curl; install curl in the image's last stage, or use ["CMD", "wget", "-q", "--spider", URL]`,
    ]);
  });

  it("accepts the seed's alpine runtime checked with busybox wget", async () => {
    expect(await findings(RULE, ['stack/healthcheck-tool/good/depot'])).toEqual([]);
  });

  it('judges any exec-form program by name only where the image holds no program the stack does not see', async () => {
    expect(await findings(RULE, ['stack/healthcheck-tool/good/exec-form'])).toEqual([]);
  });

  it('accepts installed tools, full images that ship curl, unknown bases, pulled images and disabled checks', async () => {
    expect(await findings(RULE, ['stack/healthcheck-tool/good'])).toEqual([]);
  });
});
