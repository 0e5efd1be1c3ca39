import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief, FIXTURES, findings, lintFixtures } from '../../helpers/lint.js';
import { stackOf } from '../../stack/helpers.js';

/**
 * COMPOSE_FILE and COMPOSE_PROFILES in the `.env` beside the compose files
 * (fixtures/compose/compose-file): the files a plain `docker compose` loads
 * there form the default project, and the files it names must exist.
 */
const at = 'compose/compose-file';
const line = (d: { message: string } & Parameters<typeof brief>[0]) => `${brief(d)} ${d.message}`;

describe('COMPOSE_FILE from the .env', () => {
  it('makes the files it names, in order, the default project of the folder', async () => {
    const dir = path.join(FIXTURES, at, 'layers');
    const stack = await stackOf(dir);
    const project = stack.composeProjectOf(path.join(dir, 'compose.yaml'))!;
    expect([project.environment, ...project.files.map((f) => path.basename(f.file.path))]).toEqual(['default', 'compose.yaml', 'compose.local.yaml']);
    expect(stack.composeProjectOf(path.join(dir, 'compose.local.yaml'))).toBe(project);
    expect(project.service('api')?.get('image')).toBeDefined();
  });

  it('lets the layered rules judge that project: api gets its image from compose.local.yaml', async () => {
    const found = await lintFixtures([`${at}/layers`]);
    expect(found.filter((d) => ['compose/build-or-image', 'compose/references', 'stack/layered-environments'].includes(d.ruleId))).toEqual([]);
    // The same findings whichever file of the project is linted.
    const alone = await lintFixtures([`${at}/layers/compose.local.yaml`]);
    expect(alone.map(line)).toEqual(found.filter((d) => d.relPath.endsWith('compose.local.yaml')).map(line));
  });

  it('reports a relative file it names that does not exist, in the .env at the name', async () => {
    const found = await findings('compose/references', [`${at}/missing`]);
    expect(found.map(line)).toEqual([
      `${at}/missing/.env:2:47-2:63 compose/references COMPOSE_FILE names "compose.gpu.yaml", which does not exist; docker compose run in this folder fails`,
    ]);
  });

  it('reports every missing file when none of them exists, with the compose file of the folder linted', async () => {
    const found = await findings('compose/references', [`${at}/typo`]);
    expect(found.map(line)).toEqual([
      `${at}/typo/.env:2:14-2:32 compose/references COMPOSE_FILE names "docker-compose.yml", which does not exist; docker compose run in this folder fails`,
      `${at}/typo/.env:2:33-2:55 compose/references COMPOSE_FILE names "docker-compose.dev.yml", which does not exist; docker compose run in this folder fails`,
    ]);
  });
});

describe('COMPOSE_PROFILES from the .env', () => {
  it('enables its profiles for every plain run: depending on such a service is fine', async () => {
    expect(await findings('compose/references', [`${at}/profiles`])).toEqual([]);
  });
});
