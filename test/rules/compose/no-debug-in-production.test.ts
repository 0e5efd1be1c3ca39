import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/no-debug-in-production';

describe(RULE, () => {
  it('reports debugger ports, debug switches, reloading servers and source mounts in a *prod* file', async () => {
    const found = await findings(RULE, ['compose/no-debug-in-production/bad']);
    const at = 'compose/no-debug-in-production/bad/docker-compose.prod.yml';
    expect(found.map(brief)).toEqual([
      `${at}:7:9-7:20 ${RULE}`,
      `${at}:9:17-9:23 ${RULE}`,
      `${at}:10:14-10:15 ${RULE}`,
      `${at}:11:17-11:28 ${RULE}`,
      `${at}:12:63-12:71 ${RULE}`,
      `${at}:14:9-14:23 ${RULE}`,
      `${at}:15:9-15:29 ${RULE}`,
      `${at}:18:24-18:46 ${RULE}`,
      `${at}:21:20-21:24 ${RULE}`,
    ]);
    expect(found.map((d) => d.message)).toEqual([
      'service "api" publishes debugger port 5679 in a production file; debuggers run arbitrary code for whoever connects',
      'service "api" sets DEV_MODE=true in a production file; debug modes leak stack traces and internals',
      'service "api" sets DEBUG=1 in a production file; debug modes leak stack traces and internals',
      'service "api" sets NODE_ENV=development in a production file; debug modes leak stack traces and internals',
      'service "api" runs "--reload" in its command in a production file; that is a development server or debugger',
      'service "api" bind-mounts source code ./api over /app/api in a production file; production runs the code baked into the image',
      'service "api" bind-mounts source code ./shared over /app/shared in a production file; production runs the code baked into the image',
      'service "node" runs "--inspect=0.0.0.0:9229" in its command in a production file; that is a development server or debugger',
      'service "node" publishes debugger port 9229 in a production file; debuggers run arbitrary code for whoever connects',
    ]);
  });

  it('treats the base file of a layered project as production, and leaves its development override alone', async () => {
    const found = await findings(RULE, ['compose/no-debug-in-production/layered']);
    expect(found.map(brief)).toEqual([`compose/no-debug-in-production/layered/docker-compose.yml:6:9-6:15 ${RULE}`]);
    expect(found[0]!.message).toBe(
      'service "api" bind-mounts source code . over /app in the base file of a layered project, which is what production runs; production runs the code baked into the image',
    );
  });

  it('checks the prod environment as compose merges it, reporting what it keeps from the base file there, and leaves dev alone', async () => {
    const found = await findings(RULE, ['compose/no-debug-in-production/environments']);
    const at = 'compose/no-debug-in-production/environments';
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${at}/compose.prod.yaml:7:9-7:30 ${RULE} service "web" publishes debugger port 9229 in a production file; debuggers run arbitrary code for whoever connects`,
      // compose.prod.yaml sets DEBUG back to false, but keeps the source mount.
      `${at}/compose.yaml:10:9-10:19 ${RULE} service "web" bind-mounts source code ./web over /app in production; production runs the code baked into the image (in the "prod" environment: compose.yaml + compose.prod.yaml)`,
    ]);
  });

  it("accepts the seed's production API and proxy, and a single compose.yaml that is not production", async () => {
    expect(await findings(RULE, ['compose/no-debug-in-production/good'])).toEqual([]);
  });

  it('takes production files and debugger ports from settings', async () => {
    const found = await findings(RULE, ['compose/no-debug-in-production/settings'], {
      noConfigLookup: false,
      configFile: 'compose/no-debug-in-production/settings/policy.yaml',
    });
    expect(found.map(brief)).toEqual([`compose/no-debug-in-production/settings/stack.live.yaml:5:9-5:20 ${RULE}`]);
    expect(found[0]!.message).toBe('service "api" publishes debugger port 4000 in a production file; debuggers run arbitrary code for whoever connects');
  });
});
