import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/database-durability';

describe(RULE, () => {
  it('reports PostgreSQL durability switched off in the base file production runs, at the setting', async () => {
    const found = await findings(RULE, ['compose/database-durability/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `compose/database-durability/bad/docker-compose.yml:7:10-7:19 ${RULE} service "postgres" runs PostgreSQL with fsync=off in production: a crash or power loss can corrupt the whole database; keep that for throwaway test databases (in the base file of a layered project, which is what production runs)`,
      `compose/database-durability/bad/docker-compose.yml:8:10-8:32 ${RULE} service "postgres" runs PostgreSQL with synchronous_commit=off in production: a crash loses the last transactions it reported as committed; keep that for throwaway test databases (in the base file of a layered project, which is what production runs)`,
    ]);
  });

  it('reports a production environment: a list-form setting, and a Redis with a data volume but no persistence', async () => {
    const found = await findings(RULE, ['compose/database-durability/prod']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `compose/database-durability/prod/compose.prod.yaml:3:33-3:57 ${RULE} service "db" runs PostgreSQL with full_page_writes=false in production: a crash can leave torn pages the database cannot recover; keep that for throwaway test databases`,
      `compose/database-durability/prod/compose.yaml:4:45-4:59 ${RULE} service "cache" runs Redis with neither snapshots (--save "") nor an append-only file in production, yet keeps a volume at /data: everything is lost at every restart; set --appendonly yes or a --save schedule, or drop the volume if it is a cache (in the "prod" environment: compose.yaml + compose.prod.yaml)`,
    ]);
  });

  it("accepts the guide's test override that trades durability for speed, and durable production settings", async () => {
    expect(await findings(RULE, ['compose/database-durability/good'])).toEqual([]);
  });
});
