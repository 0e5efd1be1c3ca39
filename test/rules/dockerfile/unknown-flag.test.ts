import { describe, it } from 'vitest';
import unknownFlag from '../../../rules/dockerfile/unknown-flag.js';
import { RuleTester } from '../../../src/testing.js';

const STOPS = 'and docker build stops at a flag it does not know';
const COPY_FLAGS = `COPY accepts --from, --chown, --chmod, --link, --parents, --exclude, ${STOPS}`;

describe('dockerfile/unknown-flag', () => {
  it('reports flags an instruction does not accept, with a suggestion for typos', async () => {
    await new RuleTester(unknownFlag).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM alpine:3.20 AS build',
            'RUN --frobnicate=yes --mount=type=cache,target=/root/.cache apk add --no-cache curl',
            'COPY --form=build /a /b',
            'WORKDIR --bogus /srv',
            'HEALTHCHECK --intervall=30s CMD curl -f http://localhost/ || exit 1',
            'ONBUILD COPY --chmown=app . /app',
            '',
          ].join('\n'),
          errors: [
            { line: 2, column: 5, endColumn: 17, message: `unknown flag --frobnicate: RUN accepts --mount, --network, --security, --device, ${STOPS}` },
            { line: 3, column: 6, endColumn: 12, message: `unknown flag --form (did you mean --from?): ${COPY_FLAGS}` },
            { line: 4, column: 9, endColumn: 16, message: `unknown flag --bogus: WORKDIR takes no flags, ${STOPS}` },
            {
              line: 5,
              column: 13,
              endColumn: 24,
              message: `unknown flag --intervall (did you mean --interval?): HEALTHCHECK accepts --interval, --timeout, --start-period, --start-interval, --retries, ${STOPS}`,
            },
            { line: 6, column: 14, endColumn: 22, message: `unknown flag --chmown (did you mean --chown?): ${COPY_FLAGS}` },
          ],
        },
      ],
    });
  });

  it('accepts every flag BuildKit knows, including COPY --exclude and labs flags', async () => {
    await new RuleTester(unknownFlag).run({
      valid: [
        [
          'FROM --platform=$BUILDPLATFORM alpine:3.20 AS build',
          'RUN --mount=type=cache,target=/root/.cache --network=none --security=sandbox echo ok',
          'COPY --from=build --chown=1000:1000 --chmod=0755 --link --exclude=*.md /src /dst',
          'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d --keep-git-dir=true --unpack=true https://example.com/a.tar.gz /opt/',
          'HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --start-interval=1s --retries=3 CMD true',
          'CMD ["--help"]',
          'ONBUILD COPY --chown=app . /app',
          '',
        ].join('\n'),
      ],
    });
  });
});
