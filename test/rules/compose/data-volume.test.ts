import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { RuleTester } from '../../../src/testing.js';
import dataVolume from '../../../rules/compose/data-volume.js';

const RULE = 'compose/data-volume';
const ON = ['compose/data-volume: warning'];

describe(RULE, () => {
  it('is off in the recommended preset', async () => {
    expect(await findings(RULE, ['compose/data-volume/bad'])).toEqual([]);
  });

  it('reports databases without a volume at their data directory, anonymous volumes and the PostgreSQL 18 layout', async () => {
    const found = await findings(RULE, ['compose/data-volume/bad'], { cliRules: ON });
    expect(found.map(brief)).toEqual([
      'compose/data-volume/bad/compose.yaml:2:3-2:5 compose/data-volume',
      'compose/data-volume/bad/compose.yaml:9:9-9:23 compose/data-volume',
      'compose/data-volume/bad/compose.yaml:10:3-10:8 compose/data-volume',
      'compose/data-volume/bad/compose.yaml:14:3-14:8 compose/data-volume',
      'compose/data-volume/bad/compose.yaml:20:9-20:40 compose/data-volume',
    ]);
    expect(found.map((d) => d.message)).toEqual([
      'service "db" (postgres) keeps its data in /var/lib/postgresql/data with no volume there, so the data is lost when the container is recreated; mount a named volume (e.g. postgres-data:/var/lib/postgresql/data)',
      'service "mysql" (mariadb) keeps /var/lib/mysql on an anonymous volume, which docker compose down and up do not bring back; name the volume (e.g. mariadb-data:/var/lib/mysql)',
      'service "mongo" (mongo) keeps its data in /data/db with no volume there, so the data is lost when the container is recreated; mount a named volume (e.g. mongo-data:/data/db)',
      'service "redis" (redis) keeps its data in /data with no volume there, so the data is lost when the container is recreated; mount a named volume (e.g. redis-data:/data)',
      'service "pg18" (postgres): PostgreSQL 18 and later keep data in /var/lib/postgresql/<version>/docker, so a volume at /var/lib/postgresql/data does not hold it; mount the volume at /var/lib/postgresql',
    ]);
  });

  it("accepts the seeds' named volumes, bind mounts, PGDATA, tmpfs test databases and caches without persistence", async () => {
    expect(await findings(RULE, ['compose/data-volume/good'], { cliRules: ON })).toEqual([]);
  });

  it('takes extra data directories from the directories option', async () => {
    const found = await findings(RULE, ['compose/data-volume/good'], {
      cliRules: ['compose/data-volume: [warning, {directories: {mongo: [/data/db, /data/configdb]}}]'],
    });
    expect(found).toEqual([]);
    const strict = await findings(RULE, ['compose/data-volume/good'], {
      cliRules: ['compose/data-volume: [warning, {directories: {mongo: [/data/configdb]}}]'],
    });
    expect(strict.map(brief)).toEqual(['compose/data-volume/good/compose.yaml:34:3-34:8 compose/data-volume']);
  });

  it("takes the data directory the service's command chooses over the image's default", async () => {
    const minio = (volume: string) =>
      `services:\n  minio:\n    image: minio/minio:RELEASE.2024-01-16T16-07-38Z\n    command: server /export --console-address ":9001"\n${volume}volumes:\n  minio-data:\n`;
    await new RuleTester(dataVolume).run({
      valid: [
        { filename: 'compose.yaml', code: minio('    volumes:\n      - minio-data:/export\n'), name: 'minio server /export, with /export mounted' },
        {
          filename: 'compose.yaml',
          code: 'services:\n  minio:\n    image: minio/minio\n    command: ["server", "--address", ":9000", "/srv/minio"]\n    volumes:\n      - ./minio:/srv/minio\n',
          name: 'exec form, after an option with a value',
        },
        {
          filename: 'compose.yaml',
          code: 'services:\n  minio:\n    image: minio/minio\n    command: server http://minio{1...4}/data{1...2}\n',
          name: 'a distributed set of drives is not judged',
        },
        {
          filename: 'compose.yaml',
          code: 'services:\n  mongo:\n    image: mongo:7\n    command: mongod --dbpath /srv/mongo\n    volumes:\n      - mongo:/srv/mongo\nvolumes:\n  mongo:\n',
          name: 'mongod --dbpath',
        },
        {
          filename: 'compose.yaml',
          code: 'services:\n  db:\n    image: mariadb:11\n    command: --datadir=/srv/mysql\n    volumes:\n      - db:/srv/mysql\nvolumes:\n  db:\n',
          name: 'mariadb --datadir=',
        },
      ],
      invalid: [
        {
          filename: 'compose.yaml',
          code: minio(''),
          errors: [{ line: 2, column: 3, message: 'service "minio" (minio) keeps its data in /export with no volume there, so the data is lost when the container is recreated; mount a named volume (e.g. minio-data:/export)' }],
        },
      ],
    });
  });
});
