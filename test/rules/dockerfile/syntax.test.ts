import { describe, expect, it } from 'vitest';
import syntax from '../../../rules/dockerfile/syntax.js';
import { RuleTester } from '../../../src/testing.js';

const RULE = 'dockerfile/syntax';

describe(RULE, () => {
  it('reports unknown instructions, duplicate stage names and bad COPY --from references', async () => {
    await new RuleTester(syntax).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM golang:1.23 AS build',
            'RUN go build -o /out/app ./cmd/app',
            'FROOM alpine:3.20',
            'FROM alpine:3.20 AS Build',
            'COPY --from=biuld /out/app /usr/local/bin/app',
            'COPY --from=5 /etc/passwd /etc/passwd',
            'COPY --from=later /x /x',
            'FROM alpine:3.20 AS later',
            '',
          ].join('\n'),
          errors: [
            { line: 3, column: 1, endColumn: 6, message: 'unknown instruction "FROOM"' },
            { line: 4, column: 21, endColumn: 26, message: 'stage name "build" is already used by stage 0' },
            { line: 5, column: 13, endColumn: 18, message: '--from=biuld names no stage of this Dockerfile, so "biuld" would be pulled as an image' },
            { line: 6, column: 13, endColumn: 14, message: '--from=5 does not name an earlier stage (this is stage 1)' },
            { line: 7, column: 13, endColumn: 18, message: '--from=later names a stage defined later in the file' },
          ],
        },
      ],
    });
  });

  it('reports instructions before FROM, reserved stage names, bad ONBUILD triggers, COPY of several files to a file, ports out of range', async () => {
    await new RuleTester(syntax).run({
      invalid: [
        {
          filename: 'order.Dockerfile',
          code: [
            'LABEL maintainer="ops@example.com"',
            'FROM alpine:3.20 AS scratch',
            'ONBUILD ONBUILD RUN echo hi',
            'ONBUILD FROM alpine:3.20',
            'COPY a.txt b.txt /dest',
            'EXPOSE 80 70000 8000-99999/udp',
            '',
          ].join('\n'),
          errors: [
            { line: 1, column: 1, endColumn: 6, message: 'LABEL comes before the first FROM; only ARG may' },
            { line: 2, column: 21, endColumn: 28, message: '"scratch" is a reserved word and cannot name a stage' },
            { line: 3, column: 9, endColumn: 16, message: 'ONBUILD is not allowed as an ONBUILD trigger' },
            { line: 4, column: 9, endColumn: 13, message: 'FROM is not allowed as an ONBUILD trigger' },
            { line: 5, column: 18, endColumn: 23, message: 'COPY with 2 sources needs a destination directory ending in "/"' },
            { line: 6, column: 11, endColumn: 16, message: 'port 70000 is outside the valid range 0-65535' },
            { line: 6, column: 17, endColumn: 31, message: 'port 8000-99999 is outside the valid range 0-65535' },
          ],
        },
      ],
    });
  });

  it('accepts ARG before FROM, stage names, indexes, image references, ONBUILD RUN, directory destinations and valid ports', async () => {
    await new RuleTester(syntax).run({
      valid: [
        [
          '# syntax=docker/dockerfile:1',
          'ARG GO_VERSION=1.23',
          'FROM golang:${GO_VERSION} AS build',
          'RUN go build -o /out/app ./cmd/app',
          'FROM alpine:3.20',
          'COPY --from=build /out/app /usr/local/bin/app',
          'COPY --from=0 /etc/ssl/certs /etc/ssl/certs',
          'COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/nginx.conf',
          'ENTRYPOINT ["/usr/local/bin/app"]',
          'ONBUILD RUN echo "built from this image"',
          'COPY a.txt b.txt /dest/',
          'COPY ["a.txt", "b.txt", "/json/"]',
          'EXPOSE 80 65535 8000-8010/udp $PORT',
          '',
        ].join('\n'),
      ],
    });
  });

  // Stays on disk: a peer code in the rules config (here from --rule) is resolved by config loading, which a RuleTester case does not go through.
  it('answers to the hadolint and BuildKit codes it stands in for', async () => {
    // A hadolint code names its own findings, as in hadolint; a BuildKit check name (findings do not carry them) names the whole rule.
    const code = 'LABEL maintainer="ops@example.com"\nFROM alpine:3.20 AS scratch\nCOPY a.txt b.txt /dest\n';
    await new RuleTester(syntax).run({
      valid: [{ filename: 'order.Dockerfile', code, severities: { ReservedStageName: 'off', DL3061: 'off', DL3021: 'off' }, name: 'every check off' }],
      invalid: [
        { filename: 'order.Dockerfile', code, severities: { DL3061: 'off' }, errors: [{ line: 2, column: 21, severity: 'error' }, { line: 3, column: 18, severity: 'error' }], name: 'DL3061 off' },
        { filename: 'order.Dockerfile', code, severities: { DL3061: 'warning' }, errors: [{ line: 1, column: 1, severity: 'warning' }, { line: 2, column: 21, severity: 'error' }, { line: 3, column: 18, severity: 'error' }], name: 'DL3061 as warning' },
      ],
    });
  });
});
