import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'dockerfile/no-swallowed-errors';
const BAD = 'dockerfile/no-swallowed-errors/bad/Dockerfile';

describe(RULE, () => {
  it('reports || true, || : and a closing || echo at the operator', async () => {
    const found = await findings(RULE, ['dockerfile/no-swallowed-errors/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${BAD}:2:39-2:46 ${RULE} "|| true" turns a failure of "cargo build" into success, so the build goes on with a broken result, and its 2>/dev/null hides the error message as well`,
      `${BAD}:4:5-4:27 ${RULE} "|| echo" turns a failure of "make test" into success, so the build goes on with a broken result`,
      `${BAD}:7:18-7:22 ${RULE} "|| :" turns a failure of "npm run" into success, so the build goes on with a broken result`,
    ]);
  });

  it('lets the dependency-caching trick be suppressed inline with its reason', async () => {
    const found = await findings(RULE, ['dockerfile/no-swallowed-errors/suppressed']);
    expect(found.map((d) => [brief(d), d.suppressed])).toEqual([
      [
        `dockerfile/no-swallowed-errors/suppressed/Dockerfile:6:39-6:46 ${RULE}`,
        { kind: 'inline', justification: 'builds only the dependencies; the dummy main may fail to link' },
      ],
    ]);
  });

  it('accepts answers such as grep and rm, and handlers that fail', async () => {
    expect(await findings(RULE, ['dockerfile/no-swallowed-errors/good'])).toEqual([]);
  });
});
