import { describe, it } from 'vitest';
import referenceOutsideProject from '../../../rules/compose/reference-outside-project.js';
import { RuleTester } from '../../../src/testing.js';

const TAIL = 'leads outside the project, so stack-lint does not read it (lint from the folder that holds it, or pass --project-root)';

const APP = `include:
  - ../shared/db.yaml
services:
  api:
    image: nginx:1.27
    env_file:
      - ../shared/app.env
      - /etc/app/prod.env
    extends:
      file: ../shared/base.yaml
      service: base
  worker:
    build: ../shared
secrets:
  token:
    file: ../shared/token.txt
`;

const SHARED = {
  '../shared/db.yaml': 'services:\n  db:\n    image: postgres:16\n',
  '../shared/app.env': 'LOG_LEVEL=info\n',
  '../shared/base.yaml': 'services:\n  base:\n    restart: always\n',
  '../shared/Dockerfile': 'FROM alpine:3.20\n',
  '../shared/token.txt': 'token\n',
};

describe('compose/reference-outside-project', () => {
  it('reports every file reference that leaves the project root, where it is written', async () => {
    await new RuleTester(referenceOutsideProject).run({
      invalid: [
        {
          filename: 'app/compose.yaml',
          code: APP,
          // Only app/ is linted: files given here would be linted with it, and so known to the run.
          projectRoot: '.',
          errors: [
            { line: 2, column: 5, endLine: 2, endColumn: 22, message: `include "../shared/db.yaml" ${TAIL}` },
            { line: 7, column: 9, endLine: 7, endColumn: 26, message: `env_file "../shared/app.env" ${TAIL}` },
            { line: 8, column: 9, endLine: 8, endColumn: 26, message: `env_file "/etc/app/prod.env" ${TAIL}` },
            { line: 10, column: 13, endLine: 10, endColumn: 32, message: `extends file "../shared/base.yaml" ${TAIL}` },
            { line: 13, column: 12, endLine: 13, endColumn: 21, message: `build context "../shared" ${TAIL}` },
            { line: 16, column: 11, endLine: 16, endColumn: 30, message: `secret file "../shared/token.txt" ${TAIL}` },
          ],
        },
      ],
    });
  });

  it('accepts `../` that stays inside the project, paths that hang on an unset variable, and remote contexts', async () => {
    await new RuleTester(referenceOutsideProject).run({
      valid: [
        {
          filename: 'app/compose.yaml',
          code: `include:
  - ../shared/db.yaml
services:
  api:
    image: nginx:1.27
    env_file:
      - ../shared/app.env
      - path: \${HOME}/app.env
        required: false
    extends:
      file: ../shared/base.yaml
      service: base
  worker:
    build: ../shared
  code:
    build:
      context: \${CODE_PATH}
  remote:
    build: https://github.com/acme/app.git#main
secrets:
  token:
    file: ../shared/token.txt
`,
          files: SHARED,
          projectRoot: '..',
        },
      ],
    });
  });
});
