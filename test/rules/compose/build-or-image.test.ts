import { describe, it } from 'vitest';
import buildOrImage from '../../../rules/compose/build-or-image.js';
import composeInclude from '../../../rules/compose/include.js';
import layeredEnvironments from '../../../rules/stack/layered-environments.js';
import { RuleTester } from '../../../src/testing.js';

const noImage = (service: string) => `service "${service}" has neither "image" nor "build", so compose has nothing to run it from`;

/** An override that gives web its image, a prod environment that does not, and services only later files add. */
const layered = {
  'compose.override.yaml': 'services:\n  web:\n    image: nginx:1.27\n  apii:\n    environment:\n      LOG_LEVEL: debug\n',
  'compose.prod.yaml': 'services:\n  web:\n    restart: always\n  job:\n    extends: task\n  task:\n    command: ["run"]\n',
};
const layeredBase = 'services:\n  web:\n    ports: ["8080:80"]\n  api:\n    image: shop/api:1.8.0\n';

/** db comes from the included file; compose.yaml re-declares it with local keys only. */
const included = 'include:\n  - services/db.yaml\nservices:\n  web:\n    image: nginx:1.27\n  db:\n    shm_size: 256mb\n';
const includedFiles = { 'services/db.yaml': 'services:\n  db:\n    image: postgres:16.4\n' };

describe('compose/build-or-image', () => {
  it('reports services with neither image nor build (after extends) and builds with two Dockerfiles', async () => {
    await new RuleTester(buildOrImage).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  web:',
            '    ports: ["8080:80"]',
            '  api:',
            '    build:',
            '      context: ./api',
            '      dockerfile: Dockerfile',
            '      dockerfile_inline: |',
            '        FROM alpine:3.20',
            '  base:',
            '    restart: always',
            '  worker:',
            '    extends: base',
            '',
          ].join('\n'),
          errors: [
            { line: 2, column: 3, endLine: 2, endColumn: 6, message: noImage('web') },
            { line: 8, column: 7, endLine: 8, endColumn: 24, message: 'service "api" sets both build.dockerfile and build.dockerfile_inline; compose accepts only one' },
            { line: 10, column: 3, endLine: 10, endColumn: 7, message: noImage('base') },
            { line: 12, column: 3, endLine: 12, endColumn: 9, message: noImage('worker') },
          ],
        },
      ],
    });
  });

  it('judges each environment merged: a service that only prod leaves without an image, and one a later file adds with extends', async () => {
    await new RuleTester(buildOrImage).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: layeredBase,
          files: layered,
          errors: [
            // Added with extends: judged here (its base has no image either).
            { file: 'compose.prod.yaml', line: 4, column: 3, endLine: 4, endColumn: 6, message: noImage('job') },
            // web gets its image from compose.override.yaml: only prod lacks one.
            { line: 2, column: 3, endLine: 2, endColumn: 6, message: `${noImage('web')} (in the "prod" environment: compose.yaml + compose.prod.yaml)` },
          ],
        },
      ],
    });
  });

  it('leaves a service a later file adds without extends to stack/layered-environments, which says why', async () => {
    await new RuleTester(layeredEnvironments).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: layeredBase,
          files: layered,
          errors: [
            {
              file: 'compose.override.yaml',
              line: 4,
              column: 3,
              endLine: 4,
              endColumn: 7,
              message: 'compose.override.yaml configures service "apii", which compose.yaml does not define, and gives it no image or build of its own; did you mean "api"?',
            },
            {
              file: 'compose.prod.yaml',
              line: 6,
              column: 3,
              endLine: 6,
              endColumn: 7,
              message: 'compose.prod.yaml configures service "task", which compose.yaml does not define, and gives it no image or build of its own',
            },
          ],
        },
      ],
    });
  });

  it('takes the image from an extends base, the base file of an override, or a provider', async () => {
    await new RuleTester(buildOrImage).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: [
            'services:',
            '  web:',
            '    image: nginx:1.27',
            '  api:',
            '    build: ./api',
            '  tool:',
            '    build:',
            '      dockerfile_inline: |',
            '        FROM alpine:3.20',
            '  base:',
            '    image: shop/base:1.0.0',
            '  worker:',
            '    extends: base',
            '  llm:',
            '    provider:',
            '      type: model',
            '      options:',
            '        model: ai/smollm2',
            '',
          ].join('\n'),
          // The override only adds settings: the image comes from compose.yaml.
          files: { 'compose.override.yaml': 'services:\n  web:\n    ports: ["8080:80"]\n' },
        },
      ],
    });
  });

  it('takes the image of a service an included file defines and the including file re-declares (Compose merges the two)', async () => {
    await new RuleTester(buildOrImage).run({ valid: [{ filename: 'compose.yaml', code: included, files: includedFiles }] });
    await new RuleTester(composeInclude).run({ valid: [{ filename: 'compose.yaml', code: included, files: includedFiles }] });
  });
});
