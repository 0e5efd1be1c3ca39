import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/unknown-flag';

describe(RULE, () => {
  it('reports flags an instruction does not accept, with a suggestion for typos', async () => {
    const found = await findings(RULE, ['dockerfile/unknown-flag/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'dockerfile/unknown-flag/bad/Dockerfile:2:5-2:17 dockerfile/unknown-flag unknown flag --frobnicate: RUN accepts --mount, --network, --security, --device, and docker build stops at a flag it does not know',
      'dockerfile/unknown-flag/bad/Dockerfile:3:6-3:12 dockerfile/unknown-flag unknown flag --form (did you mean --from?): COPY accepts --from, --chown, --chmod, --link, --parents, --exclude, and docker build stops at a flag it does not know',
      'dockerfile/unknown-flag/bad/Dockerfile:4:9-4:16 dockerfile/unknown-flag unknown flag --bogus: WORKDIR takes no flags, and docker build stops at a flag it does not know',
      'dockerfile/unknown-flag/bad/Dockerfile:5:13-5:24 dockerfile/unknown-flag unknown flag --intervall (did you mean --interval?): HEALTHCHECK accepts --interval, --timeout, --start-period, --start-interval, --retries, and docker build stops at a flag it does not know',
      'dockerfile/unknown-flag/bad/Dockerfile:6:14-6:22 dockerfile/unknown-flag unknown flag --chmown (did you mean --chown?): COPY accepts --from, --chown, --chmod, --link, --parents, --exclude, and docker build stops at a flag it does not know',
    ]);
  });

  it('accepts every flag BuildKit knows, including COPY --exclude and labs flags', async () => {
    expect(await findings(RULE, ['dockerfile/unknown-flag/good'])).toEqual([]);
  });
});
