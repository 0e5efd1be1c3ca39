import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { RuleTester } from '../../../src/testing.js';
import noSwallowedErrors from '../../../rules/dockerfile/no-swallowed-errors.js';

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

  it('reads `test && action || other` as the if/else it stands for, but still reports a chain of actions ended by || true', async () => {
    await new RuleTester(noSwallowedErrors).run({
      valid: [
        'FROM debian:12\nARG TARGETARCH\nRUN [ "$TARGETARCH" = "amd64" ] && apt-get install -y --no-install-recommends libfoo || echo "libfoo is not built for $TARGETARCH"\n',
        'FROM python:3.12-slim\nRUN test -f requirements-dev.txt \\\n    && pip install --no-cache-dir -r requirements-dev.txt \\\n    || echo "no dev requirements"\n',
        'FROM alpine:3.20\nRUN grep -q edge /etc/apk/repositories && apk add --no-cache bash || true\n',
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12\nRUN make && make install || true\n',
          errors: [{ line: 2, column: 26, endColumn: 33, message: '"|| true" turns a failure of "make install" into success, so the build goes on with a broken result' }],
        },
      ],
    });
  });
});
