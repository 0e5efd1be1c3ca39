/**
 * The shared `settings:` keys the compose policy rules read, with their
 * defaults. A malformed value falls back to the default: settings are
 * free-form, and a typo there must not crash a rule.
 */

/** Images of services that hold data (matched on the image's last path part, or on the whole repository when the entry has a `/`). */
export const DEFAULT_DATA_SERVICE_IMAGES: readonly string[] = [
  'postgres', 'postgresql', 'postgis', 'timescaledb', 'pgvector',
  'mysql', 'mariadb', 'percona', 'percona-server',
  'mongo', 'mongodb', 'mongodb-community-server',
  'redis', 'redis-stack', 'redis-stack-server', 'redismod', 'valkey', 'keydb', 'dragonfly', 'memcached',
  'rabbitmq', 'elasticsearch', 'opensearch',
  'cassandra', 'scylla', 'couchdb', 'couchbase', 'neo4j', 'influxdb', 'clickhouse-server',
  'cockroach', 'mssql/server', 'azure-sql-edge', 'etcd', 'zookeeper', 'minio',
];

/** Names of production compose files: globs without `/` match the base name. */
export const DEFAULT_PRODUCTION_FILES: readonly string[] = ['*prod*.yml', '*prod*.yaml'];

/**
 * Compose files for development, tests, CI and devcontainers, by their path: a
 * glob without `/` matches the base name, one with `/` the path (below the
 * folder the run started in). Names with a dev/test/CI part
 * (`compose.dev.yaml`, `docker-compose.override.unit_tests.yml`,
 * `compose.cypress.yaml`), and files in folders of that kind (`ci/`, `.ci/`,
 * `tests/`, `dev/`, `dev-postgres/`, `.devcontainer/`, `e2e/`, `cypress/`).
 */
export const DEFAULT_NON_PRODUCTION_FILES: readonly string[] = [
  '*[._-]{dev,devel,development,local,debug,test,tests,testing,ci,cicd,e2e,cypress,playwright,devcontainer}[._-]*',
  '{dev,devel,development,local,test,tests,testing,ci,e2e,cypress,playwright,devcontainer}[._-]*',
  '**/{ci,.ci,dev,development,test,tests,testing,e2e,cypress,playwright,devcontainer,.devcontainer}/**',
  '**/{ci,dev,test,tests,e2e}[-_]*/**',
];

/** Ports debuggers listen on: debugpy, Node inspector, Delve, JDWP, Xdebug 3, legacy Node debug. */
export const DEFAULT_DEBUGGER_PORTS: readonly (number | string)[] = [5678, 5679, 5680, 9229, 9230, 2345, 5005, 9003, 5858];

export type Settings = Readonly<Record<string, unknown>>;

function stringList(settings: Settings, key: string, fallback: readonly string[]): readonly string[] {
  const v = settings[key];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : fallback;
}

export const dataServiceImages = (s: Settings): readonly string[] => stringList(s, 'dataServiceImages', DEFAULT_DATA_SERVICE_IMAGES);

export const productionFiles = (s: Settings): readonly string[] => stringList(s, 'productionFiles', DEFAULT_PRODUCTION_FILES);

export const nonProductionFiles = (s: Settings): readonly string[] => stringList(s, 'nonProductionFiles', DEFAULT_NON_PRODUCTION_FILES);

/** Whether the base file of a layered project counts as production (default true). */
export const layeredBaseIsProduction = (s: Settings): boolean => s['layeredBaseIsProduction'] !== false;

/** Debugger ports as ranges (`9229`, `"5678-5680"`). */
export function debuggerPorts(s: Settings): { start: number; end: number }[] {
  const v = s['debuggerPorts'];
  const list = Array.isArray(v) && v.every((x) => typeof x === 'number' || typeof x === 'string') ? (v as (number | string)[]) : DEFAULT_DEBUGGER_PORTS;
  const out: { start: number; end: number }[] = [];
  for (const item of list) {
    const m = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(String(item));
    if (m) out.push({ start: Number(m[1]), end: Number(m[2] ?? m[1]) });
  }
  return out;
}
