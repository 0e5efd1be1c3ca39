import { describe, it } from 'vitest';
import undefinedVar from '../../../rules/dockerfile/undefined-var.js';
import { RuleTester } from '../../../src/testing.js';

describe('dockerfile/undefined-var', () => {
  it('reports variables no ARG or ENV declares, with typo hints', async () => {
    await new RuleTester(undefinedVar).run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'ARG VERSION=1.2.3',
            'ARG IMAGE=alpine:${ALPINE_VERSON}',
            'FROM alpine:3.20 AS base',
            'COPY $foo /srv/',
            'ENV PATH=$PAHT:/app/bin',
            'COPY app-$VERSION.tar.gz /tmp/',
            'ARG APP_HOME=/srv/app',
            'WORKDIR $APP_HOM',
            'FROM scratch',
            'COPY --from=base /srv/app /app',
            'USER $APP_USER',
            'FROM alpine:3.20',
            'RUN --mount=type=cache,target=/cache/$TARGETARCH true',
            '',
          ].join('\n'),
          errors: [
            { line: 2, column: 18, endColumn: 34, message: '$ALPINE_VERSON is not declared with an ARG above this one, so it expands to an empty string' },
            { line: 4, column: 6, endColumn: 10, message: '$foo is not declared with ARG or ENV before this line, so it expands to an empty string' },
            { line: 5, column: 10, endColumn: 15, message: '$PAHT is not declared with ARG or ENV before this line (did you mean $PATH?), so it expands to an empty string' },
            { line: 6, column: 10, endColumn: 18, message: '$VERSION is a global ARG, which is not visible inside a stage; add ARG VERSION to this stage to use its value' },
            { line: 8, column: 9, endColumn: 17, message: '$APP_HOM is not declared with ARG or ENV before this line (did you mean $APP_HOME?), so it expands to an empty string' },
            { line: 11, column: 6, endColumn: 15, message: '$APP_USER is not declared with ARG or ENV before this line, so it expands to an empty string' },
            { line: 13, column: 38, endColumn: 49, message: '$TARGETARCH is set by BuildKit only in the global scope; add ARG TARGETARCH to this stage to use it' },
          ],
        },
      ],
    });
  });

  it('accepts declared names, inherited ENV, base image variables, shell-form RUN and CMD, and quoted or escaped dollars', async () => {
    await new RuleTester(undefinedVar).run({
      valid: [
        [
          'ARG VERSION=1.2.3',
          'FROM python:3.12 AS base',
          'ARG VERSION',
          'ARG foo',
          'COPY $foo /srv/',
          'ENV PATH=$PATH:/app/bin',
          'ENV APP_HOME=/srv/app',
          'WORKDIR $APP_HOME',
          'ARG BUILD_VERSION=$PYTHON_VERSION',
          'COPY app-${VERSION}.tar.gz /tmp/',
          'RUN echo "$ANYTHING goes in a shell"',
          'CMD echo $ALSO_SHELL',
          "LABEL literal='$NOT_EXPANDED' escaped=\\$NOT_EITHER",
          'FROM base',
          'WORKDIR $APP_HOME',
          'RUN --mount=type=cache,target=$APP_HOME/.cache true',
          'FROM alpine:3.20',
          'ARG TARGETARCH',
          'RUN --mount=type=cache,target=/cache/$TARGETARCH true',
          '',
        ].join('\n'),
      ],
    });
  });
});
