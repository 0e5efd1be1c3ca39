import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { RuleTester } from '../../../src/testing.js';
import noCd from '../../../rules/dockerfile/no-cd.js';

const RULE = 'dockerfile/no-cd';
const BAD = 'dockerfile/no-cd/bad/Dockerfile';

describe(RULE, () => {
  it('reports cd in RUN at the command, and relative WORKDIRs', async () => {
    const found = await findings(RULE, ['dockerfile/no-cd/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${BAD}:2:5-2:12 ${RULE} "cd /app" changes the directory for this RUN only and hides where the commands run; use WORKDIR /app instead`,
      `${BAD}:5:5-5:17 ${RULE} "cd /opt/tool" changes the directory for this RUN only and hides where the commands run; use WORKDIR /opt/tool instead`,
      `${BAD}:7:9-7:12 ${RULE} relative WORKDIR "app" depends on the base image's working directory, which can change with the base image; use an absolute path`,
      `${BAD}:9:9-9:13 ${RULE} relative WORKDIR "data" resolves against the previous WORKDIR; write the absolute path "/srv/data"`,
    ]);
    expect(found[3]!.suggestions?.[0]?.edits.map((e) => e.text)).toEqual(['/srv/data']);
  });

  it('accepts subshells, temporary folders removed in the same RUN, going back and WORKDIR variables', async () => {
    expect(await findings(RULE, ['dockerfile/no-cd/good'])).toEqual([]);
  });

  it('leaves alone a cd that runs only in an if or case branch, a loop, or after ||: WORKDIR cannot be conditional', async () => {
    await new RuleTester(noCd).run({
      valid: [
        'FROM debian:12\nRUN if [ -d /opt/plugins ]; then \\\n      cd /opt/plugins && ./install.sh; \\\n    fi\n',
        'FROM debian:12\nARG TARGETARCH\nRUN case "$TARGETARCH" in \\\n      arm64) cd /opt/arm64 && make ;; \\\n      *) cd /opt/generic && make ;; \\\n    esac\n',
        'FROM debian:12\nRUN if [ -f go.mod ]; then go build; else cd /src/legacy && make; fi\n',
        'FROM debian:12\nRUN for p in /opt/a /opt/b; do cd /opt/a && make; done\n',
        'FROM debian:12\nRUN test -d /opt/app || cd /opt/fallback\n',
      ],
      invalid: [],
    });
  });

  it('names the folder a relative cd goes to, from the WORKDIR in effect, or words the advice without a placeholder', async () => {
    await new RuleTester(noCd).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM node:20-alpine\nWORKDIR /app\nCOPY components/ ./components/\nRUN \\\n  cd components && \\\n  yarn\n',
          errors: [{ line: 5, column: 3, endColumn: 16, message: '"cd components" changes the directory for this RUN only and hides where the commands run; use WORKDIR /app/components instead' }],
        },
        {
          filename: 'Dockerfile',
          code: 'FROM node:20-alpine\nRUN tar -xzf npm.tgz && cd package && node bin/npm-cli.js install -g npm.tgz\n',
          errors: [{ line: 2, column: 25, endColumn: 35, message: '"cd package" changes the directory for this RUN only and hides where the commands run; use WORKDIR with the folder\'s absolute path instead' }],
        },
      ],
    });
  });
});
