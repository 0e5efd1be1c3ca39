/**
 * Services that hold data (databases, caches, brokers, search engines),
 * recognised by the image they run.
 */
import { imageBaseName, parseImageRef, type ImageRef } from '../../../src/parse/image-ref.js';
import type { ComposeService } from '../../../src/parse/compose/document.js';
import type { ComposeProject, ProjectService } from '../../../src/parse/compose/project.js';
import { dataServiceImages, type Settings } from './settings.js';
import { judge, type ComposeView } from '../../../src/parse/compose/values.js';

export interface DataService {
  /** The settings entry that matched (`postgres`, `mssql/server`). */
  family: string;
  image: ImageRef;
  /** The image as resolved. */
  imageText: string;
}

/** The data-service family of a service's image, when it is one of `images`. */
export function dataServiceOf(view: ComposeView, service: ComposeService, images: readonly string[]): DataService | undefined {
  const j = judge(view, service.get('image'));
  if (!j || j.value === '') return undefined;
  const ref = parseImageRef(j.value);
  const base = imageBaseName(ref);
  const repo = ref.repository.toLowerCase();
  for (const e of lowerCased(images)) {
    if (e.includes('/') ? repo === e || repo.endsWith(`/${e}`) : base === e) return { family: e, image: ref, imageText: j.value };
  }
  return undefined;
}

const lowered = new WeakMap<readonly string[], readonly string[]>();

/** The entries lower-cased, once per list (rules ask for every service). */
function lowerCased(images: readonly string[]): readonly string[] {
  let out = lowered.get(images);
  if (!out) lowered.set(images, (out = images.map((e) => e.toLowerCase())));
  return out;
}

/** The services of a project that hold data (by `settings.dataServiceImages`), with what they run. */
export function dataServicesOf(project: ComposeProject, settings: Settings): { service: ProjectService; data: DataService }[] {
  const images = dataServiceImages(settings);
  return project.services.flatMap((service) => {
    const data = dataServiceOf(project, service, images);
    return data ? [{ service, data }] : [];
  });
}

/** Where each known image family keeps its data. */
export const DATA_DIRECTORIES: Readonly<Record<string, readonly string[]>> = {
  postgres: ['/var/lib/postgresql/data'],
  postgresql: ['/bitnami/postgresql', '/var/lib/postgresql/data'],
  postgis: ['/var/lib/postgresql/data'],
  timescaledb: ['/var/lib/postgresql/data'],
  pgvector: ['/var/lib/postgresql/data'],
  mysql: ['/var/lib/mysql'],
  mariadb: ['/var/lib/mysql'],
  percona: ['/var/lib/mysql'],
  'percona-server': ['/var/lib/mysql'],
  mongo: ['/data/db'],
  mongodb: ['/data/db', '/bitnami/mongodb'],
  'mongodb-community-server': ['/data/db'],
  rabbitmq: ['/var/lib/rabbitmq'],
  elasticsearch: ['/usr/share/elasticsearch/data'],
  opensearch: ['/usr/share/opensearch/data'],
  cassandra: ['/var/lib/cassandra'],
  couchdb: ['/opt/couchdb/data'],
  neo4j: ['/data'],
  influxdb: ['/var/lib/influxdb2', '/var/lib/influxdb'],
  'clickhouse-server': ['/var/lib/clickhouse'],
  'mssql/server': ['/var/opt/mssql'],
  'azure-sql-edge': ['/var/opt/mssql'],
  minio: ['/data'],
};

/** Redis-like stores keep `/data` only when persistence is switched on. */
export const REDIS_FAMILIES: ReadonlySet<string> = new Set(['redis', 'redis-stack', 'redis-stack-server', 'redismod', 'valkey', 'keydb', 'dragonfly']);

/** Options by which an image family's server is told its data directory on the command line. */
const DATA_DIRECTORY_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  mongo: ['--dbpath'],
  mongodb: ['--dbpath'],
  'mongodb-community-server': ['--dbpath'],
  mysql: ['--datadir'],
  mariadb: ['--datadir'],
  percona: ['--datadir'],
  'percona-server': ['--datadir'],
  ...Object.fromEntries([...REDIS_FAMILIES].map((f) => [f, ['--dir']])),
};

/** `minio server` options that take a value (so the word after them is no drive). */
const MINIO_VALUE_OPTIONS = new Set(['--address', '--console-address', '--certs-dir', '-S', '--config-dir', '-C', '--ftp', '--sftp', '--interface', '--dns-cache-ttl']);

/**
 * The data directories a service's command chooses instead of the image's
 * default: `minio server /export`, `mongod --dbpath /srv/db`, `--datadir=…`,
 * `redis-server --dir …`. `undefined` when the command chooses none;
 * `'unknown'` when it chooses something that cannot be read as folders
 * (minio's `http://host{1...4}/data{1...2}` drive sets).
 */
export function commandDataDirectories(family: string, words: readonly string[]): string[] | 'unknown' | undefined {
  if (family === 'minio') {
    const server = words.indexOf('server');
    if (server < 0) return undefined;
    const drives: string[] = [];
    for (let i = server + 1; i < words.length; i++) {
      const w = words[i]!;
      if (w.startsWith('-')) {
        if (MINIO_VALUE_OPTIONS.has(w)) i++;
        continue;
      }
      if (w.includes('{') || w.includes('://') || !w.startsWith('/')) return 'unknown';
      drives.push(w);
    }
    return drives.length ? drives : 'unknown';
  }
  const options = DATA_DIRECTORY_OPTIONS[family];
  if (!options) return undefined;
  for (let i = 0; i < words.length; i++) {
    for (const option of options) {
      const value = words[i] === option ? words[i + 1] : words[i]!.startsWith(`${option}=`) ? words[i]!.slice(option.length + 1) : undefined;
      if (value === undefined) continue;
      return value.startsWith('/') ? [value] : 'unknown';
    }
  }
  return undefined;
}
