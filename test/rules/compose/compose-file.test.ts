import path from 'node:path';
import { describe, expect, it } from 'vitest';
import buildOrImage from '../../../rules/compose/build-or-image.js';
import references from '../../../rules/compose/references.js';
import layeredEnvironments from '../../../rules/stack/layered-environments.js';
import { RuleTester } from '../../../src/testing.js';
import { stackOf } from '../../stack/helpers.js';

/**
 * COMPOSE_FILE and COMPOSE_PROFILES in the `.env` beside the compose files:
 * the files a plain `docker compose` loads there form the default project,
 * and the files it names must exist.
 */
const missing = (name: string) => `COMPOSE_FILE names "${name}", which does not exist; docker compose run in this folder fails`;

/** The base file plus the local layer, as a plain `docker compose up` loads them; only the local layer gives api its image. */
const layers = {
  '.env': 'COMPOSE_PROJECT_NAME=shop\nCOMPOSE_FILE=compose.yaml:compose.local.yaml\n',
  'compose.yaml': 'services:\n  api:\n    environment:\n      LOG_LEVEL: info\n  db:\n    image: postgres:16.4\n',
  'compose.local.yaml': 'services:\n  api:\n    image: shop/api:1.8.0\n  mailhog:\n    image: mailhog/mailhog:v1.0.1\n',
};
const { 'compose.yaml': layersBase, ...layersRest } = layers;

describe('COMPOSE_FILE from the .env', () => {
  it('makes the files it names, in order, the default project of the folder', async () => {
    const dir = path.resolve('/project');
    const stack = await stackOf(dir, { overlay: layers });
    const project = stack.composeProjectOf(path.join(dir, 'compose.yaml'))!;
    expect([project.environment, ...project.files.map((f) => path.basename(f.file.path))]).toEqual(['default', 'compose.yaml', 'compose.local.yaml']);
    expect(stack.composeProjectOf(path.join(dir, 'compose.local.yaml'))).toBe(project);
    expect(project.service('api')?.get('image')).toBeDefined();
  });

  it('lets the layered rules judge that project: api gets its image from compose.local.yaml', async () => {
    for (const rule of [buildOrImage, references, layeredEnvironments]) {
      await new RuleTester(rule).run({ valid: [{ filename: 'compose.yaml', code: layersBase, files: layersRest }] });
    }
    await new RuleTester(buildOrImage).run({
      invalid: [{ filename: 'compose.yaml', code: layersBase, files: { ...layersRest, '.env': 'COMPOSE_PROJECT_NAME=shop\n' }, errors: [{ line: 2, column: 3, message: /^service "api" has neither "image" nor "build"/ }] }],
    });
  });

  it('judges the same project whichever file of it is linted, the others read for context', async () => {
    for (const rule of [buildOrImage, references, layeredEnvironments]) {
      await new RuleTester(rule).run({
        valid: [
          { filename: 'compose.yaml', code: layersBase, files: layersRest, reportOn: ['compose.yaml'], name: 'the base alone' },
          { filename: 'compose.yaml', code: layersBase, files: layersRest, reportOn: ['compose.local.yaml'], name: 'the local layer alone' },
        ],
      });
    }
  });

  it('reports a relative file it names that does not exist, in the .env at the name', async () => {
    await new RuleTester(references).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  api:\n    image: shop/api:1.8.0\n',
          files: {
            '.env': 'COMPOSE_PROJECT_NAME=shop\nCOMPOSE_FILE="compose.yaml:compose.local.yaml:compose.gpu.yaml:/srv/shared/compose.yaml"\n',
            'compose.local.yaml': 'services:\n  api:\n    ports: ["127.0.0.1:8080:8080"]\n',
          },
          errors: [{ file: '.env', line: 2, column: 47, endLine: 2, endColumn: 63, message: missing('compose.gpu.yaml') }],
        },
      ],
    });
  });

  it('reports every missing file when none of them exists, with the compose file of the folder linted', async () => {
    await new RuleTester(references).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  web:\n    image: nginx:1.27\n',
          files: { '.env': 'COMPOSE_PATH_SEPARATOR=;\nCOMPOSE_FILE=docker-compose.yml;docker-compose.dev.yml\n' },
          errors: [
            { file: '.env', line: 2, column: 14, endLine: 2, endColumn: 32, message: missing('docker-compose.yml') },
            { file: '.env', line: 2, column: 33, endLine: 2, endColumn: 55, message: missing('docker-compose.dev.yml') },
          ],
        },
      ],
    });
  });
});

describe('COMPOSE_PROFILES from the .env', () => {
  it('enables its profiles for every plain run: depending on such a service is fine', async () => {
    await new RuleTester(references).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  api:\n    image: shop/api:1.8.0\n    depends_on: [debugger]\n  debugger:\n    image: shop/debugger:2.0.1\n    profiles: [debug]\n',
          files: { '.env': 'COMPOSE_PROFILES=debug, metrics\n' },
        },
      ],
    });
  });
});
