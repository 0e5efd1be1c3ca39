import { describe, it } from 'vitest';
import noCd from '../../../rules/dockerfile/no-cd.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(noCd);
const BAD = [
  'FROM node:20-slim',
  'RUN cd /app && npm ci',
  'RUN set -e; \\',
  '    mkdir -p /opt/tool; \\',
  '    cd /opt/tool; \\',
  '    make install',
  'WORKDIR app',
  'WORKDIR /srv',
  'WORKDIR data',
  '',
].join('\n');
const useWorkdir = (cd: string, folder: string) => `"${cd}" changes the directory for this RUN only and hides where the commands run; use WORKDIR ${folder} instead`;

describe('dockerfile/no-cd', () => {
  it('reports cd in RUN at the command, and relative WORKDIRs, suggesting the absolute path', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: BAD,
          errors: [
            { line: 2, column: 5, endLine: 2, endColumn: 12, message: useWorkdir('cd /app', '/app') },
            { line: 5, column: 5, endLine: 5, endColumn: 17, message: useWorkdir('cd /opt/tool', '/opt/tool') },
            {
              line: 7,
              column: 9,
              endLine: 7,
              endColumn: 12,
              message: `relative WORKDIR "app" depends on the base image's working directory, which can change with the base image; use an absolute path`,
            },
            {
              line: 9,
              column: 9,
              endLine: 9,
              endColumn: 13,
              message: 'relative WORKDIR "data" resolves against the previous WORKDIR; write the absolute path "/srv/data"',
              suggestions: ['write "/srv/data"'],
              suggestionOutputs: [BAD.replace('WORKDIR data', 'WORKDIR /srv/data')],
            },
          ],
        },
      ],
    });
  });

  it('accepts subshells, temporary folders removed in the same RUN, going back and WORKDIR variables', async () => {
    await tester.run({
      valid: [
        [
          'FROM alpine:3.20',
          'WORKDIR /app',
          'RUN (cd /tmp && wget -q https://example.com/x.tgz)',
          'RUN cd "$(mktemp -d)" && tar -xzf /x.tgz',
          'RUN mkdir /build && cd /build && make && cd / && rm -rf /build',
          'RUN cd /tmp/src && make',
          'WORKDIR $HOME',
          '',
        ].join('\n'),
      ],
    });
  });

  it('leaves alone a cd that runs only in an if or case branch, a loop, or after ||: WORKDIR cannot be conditional', async () => {
    await tester.run({
      valid: [
        'FROM debian:12\nRUN if [ -d /opt/plugins ]; then \\\n      cd /opt/plugins && ./install.sh; \\\n    fi\n',
        'FROM debian:12\nARG TARGETARCH\nRUN case "$TARGETARCH" in \\\n      arm64) cd /opt/arm64 && make ;; \\\n      *) cd /opt/generic && make ;; \\\n    esac\n',
        'FROM debian:12\nRUN if [ -f go.mod ]; then go build; else cd /src/legacy && make; fi\n',
        'FROM debian:12\nRUN for p in /opt/a /opt/b; do cd /opt/a && make; done\n',
        'FROM debian:12\nRUN test -d /opt/app || cd /opt/fallback\n',
      ],
    });
  });

  it('names the folder a relative cd goes to, from the WORKDIR in effect, or words the advice without a placeholder', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: 'FROM node:20-alpine\nWORKDIR /app\nCOPY components/ ./components/\nRUN \\\n  cd components && \\\n  yarn\n',
          errors: [{ line: 5, column: 3, endColumn: 16, message: useWorkdir('cd components', '/app/components') }],
        },
        {
          filename: 'Dockerfile',
          code: 'FROM node:20-alpine\nRUN tar -xzf npm.tgz && cd package && node bin/npm-cli.js install -g npm.tgz\n',
          errors: [{ line: 2, column: 25, endColumn: 35, message: useWorkdir('cd package', "with the folder's absolute path") }],
        },
      ],
    });
  });
});
