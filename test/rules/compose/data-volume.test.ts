import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../../src/testing.js';
import dataVolume from '../../../rules/compose/data-volume.js';

const bad = [
  'services:',
  '  db:',
  '    image: postgres:12-alpine',
  '    environment:',
  '      - POSTGRES_PASSWORD_FILE=/run/secrets/db-password',
  '  mysql:',
  '    image: mariadb:10.6.4-focal',
  '    volumes:',
  '      - /var/lib/mysql',
  '  mongo:',
  '    image: mongo:7.0',
  '    volumes:',
  '      - ./dump:/dump',
  '  redis:',
  '    image: redis:7-alpine',
  '    command: redis-server --appendonly yes',
  '  pg18:',
  '    image: postgres:18.1',
  '    volumes:',
  '      - pgdata:/var/lib/postgresql/data',
  'volumes:',
  '  pgdata:',
  '',
].join('\n');

/** The seeds' databases, a bind mount, PGDATA, a tmpfs test database and a cache without persistence. */
const good = [
  'services:',
  '  postgres:',
  '    image: postgres:15-alpine',
  '    volumes:',
  '      - postgres_data:/var/lib/postgresql/data',
  '  redis:',
  '    image: redis:7-alpine',
  '    command: redis-server --appendonly yes --maxmemory 256mb --maxmemory-policy allkeys-lru',
  '    volumes:',
  '      - redis_data:/data',
  '  cache:',
  '    image: redis:7-alpine',
  '  mariadb:',
  '    image: mariadb:10.9',
  '    volumes:',
  '      - ./data/mysql:/var/lib/mysql',
  '  custom:',
  '    image: postgres:16.4',
  '    environment:',
  '      PGDATA: /var/lib/postgresql/data/pgdata',
  '    volumes:',
  '      - type: volume',
  '        source: pg',
  '        target: /var/lib/postgresql/data',
  '  test-db:',
  '    image: postgres:16.4',
  '    tmpfs:',
  '      - /var/lib/postgresql/data',
  '  pg18:',
  '    image: postgres:18.1',
  '    volumes:',
  '      - pg18:/var/lib/postgresql',
  'volumes:',
  '  postgres_data:',
  '  redis_data:',
  '  pg:',
  '  pg18:',
  '',
].join('\n');

const mongo = 'services:\n  mongo:\n    image: mongo:4.2.0\n    volumes:\n      - mongo_data:/data/db\nvolumes:\n  mongo_data:\n';

describe('compose/data-volume', () => {
  it('is off in the recommended preset', () => {
    expect(dataVolume.meta.recommended).toBe(false);
  });

  it('reports databases without a volume at their data directory, anonymous volumes and the PostgreSQL 18 layout', async () => {
    await new RuleTester(dataVolume).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: bad,
          errors: [
            {
              line: 2,
              column: 3,
              endLine: 2,
              endColumn: 5,
              message:
                'service "db" (postgres) keeps its data in /var/lib/postgresql/data with no volume there, so the data is lost when the container is recreated; mount a named volume (e.g. postgres-data:/var/lib/postgresql/data)',
            },
            {
              line: 9,
              column: 9,
              endLine: 9,
              endColumn: 23,
              message:
                'service "mysql" (mariadb) keeps /var/lib/mysql on an anonymous volume, which docker compose down and up do not bring back; name the volume (e.g. mariadb-data:/var/lib/mysql)',
            },
            {
              line: 10,
              column: 3,
              endLine: 10,
              endColumn: 8,
              message:
                'service "mongo" (mongo) keeps its data in /data/db with no volume there, so the data is lost when the container is recreated; mount a named volume (e.g. mongo-data:/data/db)',
            },
            {
              line: 14,
              column: 3,
              endLine: 14,
              endColumn: 8,
              message:
                'service "redis" (redis) keeps its data in /data with no volume there, so the data is lost when the container is recreated; mount a named volume (e.g. redis-data:/data)',
            },
            {
              line: 20,
              column: 9,
              endLine: 20,
              endColumn: 40,
              message:
                'service "pg18" (postgres): PostgreSQL 18 and later keep data in /var/lib/postgresql/<version>/docker, so a volume at /var/lib/postgresql/data does not hold it; mount the volume at /var/lib/postgresql',
            },
          ],
        },
      ],
    });
  });

  it("accepts the seeds' named volumes, bind mounts, PGDATA, tmpfs test databases and caches without persistence", async () => {
    await new RuleTester(dataVolume).run({ valid: [good, mongo] });
  });

  it('takes extra data directories from the directories option', async () => {
    await new RuleTester(dataVolume).run({
      valid: [{ filename: 'compose.yaml', code: mongo, options: { directories: { mongo: ['/data/db', '/data/configdb'] } } }],
      invalid: [
        {
          filename: 'compose.yaml',
          code: mongo,
          options: { directories: { mongo: ['/data/configdb'] } },
          errors: [{ line: 2, column: 3, endLine: 2, endColumn: 8, message: /^service "mongo" \(mongo\) keeps its data in \/data\/configdb with no volume there/ }],
        },
      ],
    });
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
