import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeFileVar, profilesFrom } from '../../../src/parse/compose/compose-file-var.js';
import { planFolder } from '../../../src/parse/compose/layers.js';
import { createSourceFile } from '../../../src/core/source.js';

const dotenv = (text: string) => createSourceFile({ path: '/p/.env', relPath: '.env', kind: 'compose', text });

/** Each entry as `text → path @ the text its span covers`. */
function entries(text: string): string[] | undefined {
  const v = composeFileVar(dotenv(text));
  return v?.entries.map((e) => `${e.text} → ${e.path}${e.absolute ? ' (absolute)' : ''} @ ${text.slice(e.span.start, e.span.end)}`);
}

describe('COMPOSE_FILE in a .env', () => {
  it('splits on the path separator, resolves against the .env folder and keeps where each name is written', () => {
    expect(entries(`COMPOSE_PROJECT_NAME=shop\nCOMPOSE_FILE=compose.yaml:../common/compose.yaml:/srv/x.yaml\n`)).toEqual([
      'compose.yaml → /p/compose.yaml @ compose.yaml',
      '../common/compose.yaml → /common/compose.yaml @ ../common/compose.yaml',
      '/srv/x.yaml → /srv/x.yaml (absolute) @ /srv/x.yaml',
    ]);
    // Quotes, `export`, a trailing separator, and the last assignment winning.
    expect(entries(`COMPOSE_FILE=old.yaml\nexport COMPOSE_FILE="a.yaml:b.yaml:"\n`)).toEqual(['a.yaml → /p/a.yaml @ a.yaml', 'b.yaml → /p/b.yaml @ b.yaml']);
  });

  it('honours COMPOSE_PATH_SEPARATOR and the .env variables the value uses', () => {
    expect(entries(`COMPOSE_PATH_SEPARATOR=;\nCOMPOSE_FILE=a.yaml;b.yaml\n`)).toEqual(['a.yaml → /p/a.yaml @ a.yaml', 'b.yaml → /p/b.yaml @ b.yaml']);
    // Interpolated: every name points at the whole value.
    expect(entries(`ENV=dev\nCOMPOSE_FILE=compose.yaml:compose.\${ENV}.yaml\n`)).toEqual([
      'compose.yaml → /p/compose.yaml @ compose.yaml:compose.${ENV}.yaml',
      'compose.dev.yaml → /p/compose.dev.yaml @ compose.yaml:compose.${ENV}.yaml',
    ]);
  });

  it('is unknown when unset, empty, or not certain (an undefined variable, ~)', () => {
    expect(entries('COMPOSE_PROJECT_NAME=shop\n')).toBeUndefined();
    expect(entries('COMPOSE_FILE=\n')).toBeUndefined();
    expect(entries('COMPOSE_FILE=compose.yaml:compose.${ENV}.yaml\n')).toBeUndefined();
    expect(entries('COMPOSE_FILE=~/compose.yaml\n')).toBeUndefined();
  });

  it('reads COMPOSE_PROFILES as a comma-separated list', () => {
    expect(profilesFrom(new Map([['COMPOSE_PROFILES', 'debug, metrics,,']]))).toEqual(['debug', 'metrics']);
    expect(profilesFrom(new Map())).toEqual([]);
  });
});

describe('planning a folder whose .env sets COMPOSE_FILE', () => {
  const folder = ['/p/compose.yaml', '/p/compose.override.yaml', '/p/compose.prod.yaml', '/p/compose.dev.yaml', '/p/compose.local.yaml'];
  const plan = (composeFile: string[]) => planFolder(folder, composeFile).map((p) => [p.environment, ...p.files.map((f) => path.basename(f))]);

  it('makes those files the default project; the override left out becomes an environment of its own', () => {
    expect(plan(['/p/compose.yaml', '/p/compose.local.yaml'])).toEqual([
      ['default', 'compose.yaml', 'compose.local.yaml'],
      ['override', 'compose.yaml', 'compose.override.yaml'],
      ['dev', 'compose.yaml', 'compose.dev.yaml'],
      ['prod', 'compose.yaml', 'compose.prod.yaml'],
    ]);
  });

  it('does not repeat an environment COMPOSE_FILE already is, nor plan the base with an override COMPOSE_FILE includes', () => {
    expect(plan(['/p/compose.yaml', '/p/compose.override.yaml', '/p/compose.dev.yaml'])).toEqual([
      ['default', 'compose.yaml', 'compose.override.yaml', 'compose.dev.yaml'],
      ['dev', 'compose.yaml', 'compose.dev.yaml'],
      ['prod', 'compose.yaml', 'compose.prod.yaml'],
      ['default', 'compose.local.yaml'],
    ]);
    expect(plan(['/p/compose.yaml', '/p/compose.prod.yaml'])).toEqual([
      ['default', 'compose.yaml', 'compose.prod.yaml'],
      ['override', 'compose.yaml', 'compose.override.yaml'],
      ['dev', 'compose.yaml', 'compose.dev.yaml'],
      ['default', 'compose.local.yaml'],
    ]);
  });

  it('keeps the projects by name of a folder whose COMPOSE_FILE names other files', () => {
    expect(planFolder(['/p/compose.yaml'], ['/p/docker-compose.yml']).map((p) => [p.environment, ...p.files])).toEqual([
      ['default', '/p/docker-compose.yml'],
      ['default', '/p/compose.yaml'],
    ]);
  });
});
