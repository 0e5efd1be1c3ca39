import {
  certainValue,
  checkEnvironments,
  commandDataDirectories,
  covers,
  DATA_DIRECTORIES,
  dataServicesOf,
  defineRule,
  entries,
  inherited,
  isScalar,
  isSeq,
  mayRunInProduction,
  mountsOf,
  REDIS_FAMILIES,
  resetAt,
  scalarList,
  svc,
  type ComposeService,
  type ComposeView,
} from '../kit/index.js';

export default defineRule<'compose', { directories: Record<string, string[]> }>({
  meta: {
    id: 'compose/data-volume',
    kind: 'compose',
    category: 'data',
    severity: 'warning',
    fix: 'none',
    summary: 'Databases keep their data directory on a named volume, so it survives the container being recreated',
    recommended: false,
    options: {
      type: 'object',
      properties: {
        directories: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, default: {} },
      },
      additionalProperties: false,
    },
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      // A file of the project could not be read: what it sets is unknown.
      if (project.partial) return;
      for (const { service, data } of dataServicesOf(project, ctx.settings)) {
        const volumes = inherited(project, service, 'volumes');
        if (volumes === 'external') continue;
        const dirs = dataDirectories(project, service, data.family, data.image.tag, ctx.options.directories);
        if (!dirs) continue;
        const mounts = mountsOf(project, { get: () => volumes });
        if (mounts.some((m) => !m.certain)) continue;
        const tmpfs = scalarList(service.get('tmpfs')).map((t) => certainValue(project, t)?.split(':')[0] ?? '');
        const holding = mounts.filter((m) => m.target && dirs.some((d) => covers(m.target!, d)));
        if (holding.some((m) => m.kind === 'volume' || m.kind === 'bind') || tmpfs.some((t) => t && dirs.some((d) => covers(t, d)))) continue;
        const where = `${svc(service.name)} (${data.family})`;
        const anonymous = holding.find((m) => m.kind === 'anonymous');
        if (anonymous) {
          report({
            node: anonymous.node,
            message: `${where} keeps ${dirs[0]} on an anonymous volume, which docker compose down and up do not bring back; name the volume (e.g. ${data.family.split('/').pop()}-data:${dirs[0]})`,
          });
          continue;
        }
        const wrong = data.family === 'postgres' && dirs[0] === '/var/lib/postgresql' ? mounts.find((m) => m.target && covers('/var/lib/postgresql/data', m.target)) : undefined;
        if (wrong) {
          report({
            node: wrong.node,
            message: `${where}: PostgreSQL 18 and later keep data in /var/lib/postgresql/<version>/docker, so a volume at ${wrong.target} does not hold it; mount the volume at /var/lib/postgresql`,
          });
          continue;
        }
        report({
          // Where a later file removed the volumes (`volumes: !reset`), else the service.
          node: resetAt(service, 'volumes') ?? service.keyNode,
          message: `${where} keeps its data in ${dirs.join(' or ')} with no volume there, so the data is lost when the container is recreated; mount a named volume (e.g. ${data.family.split('/').pop()}-data:${dirs[0]})`,
        });
      }
    }, ['compose/data-volume', ctx.options, ctx.settings], (env) => mayRunInProduction(env, ctx.settings));
  },
});

/** The data directory of the service's image family, or undefined when it keeps nothing we know of. */
function dataDirectories(
  view: ComposeView,
  service: ComposeService,
  family: string,
  tag: string | undefined,
  extra: Record<string, string[]>,
): string[] | undefined {
  if (extra[family]) return extra[family];
  const words = commandWords(view, service);
  const chosen = commandDataDirectories(family, words);
  if (chosen === 'unknown') return undefined;
  if (chosen) return REDIS_FAMILIES.has(family) && !persists(words) ? undefined : chosen;
  const env = entries(view, service.get('environment'));
  if (family === 'postgres' || family === 'postgis' || family === 'timescaledb' || family === 'pgvector') {
    const pgdata = env.find((e) => e.key === 'PGDATA' && e.certain && e.value);
    if (pgdata) return [pgdata.value!];
    const major = tag ? Number(/^(\d+)/.exec(tag)?.[1]) : NaN;
    if (family === 'postgres' && major >= 18) return ['/var/lib/postgresql'];
  }
  if (REDIS_FAMILIES.has(family)) return persists(words) ? ['/data'] : undefined;
  const dirs = DATA_DIRECTORIES[family];
  return dirs ? [...dirs] : undefined;
}

/**
 * The words of the service's `command:`; a word that depends on an unset variable is empty. List items are split at
 * spaces too: redis reads `"--appendonly yes"` in one argument as a config line.
 */
function commandWords(view: ComposeView, service: ComposeService): string[] {
  const command = service.get('command');
  if (isSeq(command)) return scalarList(command).flatMap((s) => (certainValue(view, s) ?? '').split(/\s+/));
  if (isScalar(command)) return (certainValue(view, command) ?? '').split(/\s+/);
  return [];
}

/** Redis-like stores persist when the command switches on AOF or RDB snapshots. */
function persists(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '--appendonly' && /^yes$/i.test(words[i + 1] ?? '')) return true;
    if (words[i] === '--save' && words[i + 1] !== undefined && !/^(?:""|'')$/.test(words[i + 1]!)) return true;
  }
  return false;
}
