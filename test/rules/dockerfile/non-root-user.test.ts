import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { RuleTester } from '../../../src/testing.js';
import nonRootUser from '../../../rules/dockerfile/non-root-user.js';

const RULE = 'dockerfile/non-root-user';
const ON = ['dockerfile/non-root-user: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['dockerfile/non-root-user/bad'])).toEqual([]);
  });

  it('reports a final image whose last USER is root, or that never sets USER', async () => {
    const found = await findings(RULE, ['dockerfile/non-root-user/bad'], { cliRules: ON });
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `dockerfile/non-root-user/bad/compose-partial/app/Dockerfile:1:6-1:22 ${RULE} the final image never sets USER, so it runs as root unless its base image picks a user; create an unprivileged user and switch to it with USER`,
      `dockerfile/non-root-user/bad/none/Dockerfile:5:6-5:20 ${RULE} the final image never sets USER, so it runs as root unless its base image picks a user; create an unprivileged user and switch to it with USER`,
      `dockerfile/non-root-user/bad/root/Dockerfile:5:6-5:10 ${RULE} the last USER of the final image is "root", so the container runs as root; switch to an unprivileged user once the steps that need root are done`,
    ]);
  });

  it('accepts a USER inherited from a parent stage, root in builders, non-root bases, gosu step-down and compose services that all set a non-root user', async () => {
    expect(await findings(RULE, ['dockerfile/non-root-user/good'], { cliRules: ON })).toEqual([]);
  });

  it('is exempted by the stack: every compose service built from the Dockerfile sets a non-root user, also when only the Dockerfile is linted', async () => {
    expect(await findings(RULE, ['dockerfile/non-root-user/good/compose-user/app/Dockerfile'], { cliRules: ON })).toEqual([]);
    const partial = await findings(RULE, ['dockerfile/non-root-user/bad/compose-partial/app/Dockerfile'], { cliRules: ON });
    expect(partial.map(brief)).toEqual([`dockerfile/non-root-user/bad/compose-partial/app/Dockerfile:1:6-1:22 ${RULE}`]);
  });

  it('leaves alone a FROM scratch stage that only carries built files out (never run), but not a scratch image with an entrypoint', async () => {
    const build = 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/app\n\n';
    await new RuleTester(nonRootUser).run({
      valid: [
        { filename: 'Dockerfile', code: `${build}FROM scratch AS artifact\nCOPY --from=build /out/app /\n`, name: 'artifact stage' },
        { filename: 'Dockerfile', code: `${build}FROM scratch AS bin\nCOPY --from=build /out/app app\n\nFROM bin AS export\nLABEL org.opencontainers.image.title=app\n`, name: 'built on an artifact stage' },
      ],
      invalid: [
        {
          filename: 'Dockerfile',
          code: `${build}FROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n`,
          errors: [{ line: 6, column: 6, endColumn: 13, message: /^the final image never sets USER/ }],
          name: 'a scratch image that runs',
        },
      ],
    });
  });
});
