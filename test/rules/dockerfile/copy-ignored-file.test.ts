import { describe, it } from 'vitest';
import copyIgnoredFile from '../../../rules/dockerfile/copy-ignored-file.js';
import { RuleTester } from '../../../src/testing.js';

const tester = new RuleTester(copyIgnoredFile);

describe('dockerfile/copy-ignored-file', () => {
  it('reports COPY/ADD sources that .dockerignore excludes, naming the pattern and its line', async () => {
    await tester.run({
      invalid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM alpine:3.20',
            'COPY ./tmp/helloworld.txt /helloworld.txt',
            'COPY node_modules/ /app/node_modules/',
            'COPY secrets/prod.env /etc/app.env',
            'ADD build/*.jar /app/',
            '',
          ].join('\n'),
          files: { '.dockerignore': '# local state\n*/tmp/*\ntmp/*\nnode_modules\n/secrets/\nbuild\n' },
          errors: [
            {
              line: 2,
              column: 6,
              endLine: 2,
              endColumn: 26,
              message: '"./tmp/helloworld.txt" is excluded from the build context by .dockerignore line 3 ("tmp/*"), so COPY cannot find it',
            },
            {
              line: 3,
              column: 6,
              endLine: 3,
              endColumn: 19,
              message: '"node_modules/" is excluded from the build context by .dockerignore line 4 ("node_modules"), so COPY cannot find it',
            },
            {
              line: 4,
              column: 6,
              endLine: 4,
              endColumn: 22,
              message: '"secrets/prod.env" is excluded from the build context by .dockerignore line 5 ("secrets"), so COPY cannot find it',
            },
            {
              line: 5,
              column: 5,
              endLine: 5,
              endColumn: 16,
              message: '"build/*.jar" is excluded from the build context by .dockerignore line 6 ("build"), so ADD cannot find it',
            },
          ],
        },
      ],
    });
  });

  it('accepts the whole context, re-included files, globs, stage copies, variables and URLs', async () => {
    await tester.run({
      valid: [
        {
          filename: 'Dockerfile',
          code: [
            'FROM alpine:3.20',
            'COPY . /src/',
            'COPY README.md /doc/README.md',
            'COPY docs/keep.md /doc/',
            'COPY src /app/src',
            'COPY *.json /app/',
            'COPY --from=builder /node_modules /app/node_modules',
            'COPY $CONTEXT_DIR /x',
            'ADD https://example.com/node_modules.tgz /tmp/',
            '',
          ].join('\n'),
          files: { '.dockerignore': '*.md\n!README.md\ndocs\n!docs/keep.md\nnode_modules\n' },
        },
      ],
    });
  });
  it('checks against the .dockerignore of the context the repository builds it from, not the one beside it', async () => {
    const compose = 'services:\n  api:\n    build:\n      context: .\n      dockerfile: api/Dockerfile\n';
    await tester.run({
      invalid: [
        {
          filename: 'api/Dockerfile',
          code: 'FROM alpine:3.20\nCOPY config/app.conf /etc/app.conf\n',
          files: { '../compose.yaml': compose, '../.dockerignore': 'config\n' },
          errors: [
            {
              line: 2,
              column: 6,
              endLine: 2,
              endColumn: 21,
              message: '"config/app.conf" is excluded from the build context (., as compose.yaml:4 builds it) by .dockerignore line 1 ("config"), so COPY cannot find it',
            },
          ],
        },
      ],
      valid: [
        // The root context excludes nothing it copies; the .dockerignore beside the Dockerfile is not the one that build follows.
        { filename: 'api/Dockerfile', code: 'FROM alpine:3.20\nCOPY config/app.conf /etc/app.conf\n', files: { '../compose.yaml': compose, '../.dockerignore': '.git\n', '.dockerignore': 'config\n' } },
      ],
    });
  });
});
