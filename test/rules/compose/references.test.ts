import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/references';

describe(RULE, () => {
  it('reports undeclared resources, unknown services and dependency cycles', async () => {
    const found = await findings(RULE, ['compose/references/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/references/bad/compose.yaml:4:23-4:30 compose/references service "web" uses network "backend", which is not declared under the top-level "networks"',
      'compose/references/bad/compose.yaml:7:9-7:13 compose/references service "web" depends on "cach", which is not a service of this project; did you mean "cache"?',
      'compose/references/bad/compose.yaml:8:13-8:25 compose/references service "web" links to "auth", which is not a service of this project',
      'compose/references/bad/compose.yaml:10:9-10:37 compose/references service "web" uses volume "static", which is not declared under the top-level "volumes"',
      'compose/references/bad/compose.yaml:12:15-12:23 compose/references service "web" uses secret "tls_cert", which is not declared under the top-level "secrets"',
      'compose/references/bad/compose.yaml:16:19-16:34 compose/references service "api" shares the network namespace of "proxy", which is not a service of this project',
      'compose/references/bad/compose.yaml:18:17-18:25 compose/references service "api" uses config "api_conf", which is not declared under the top-level "configs"',
      'compose/references/bad/compose.yaml:23:7-23:10 compose/references services depend on each other in a cycle ("web" → "api" → "worker" → "web"); compose cannot decide which to start first',
      'compose/references/bad/compose.yaml:28:16-28:26 compose/references extends names the service "redis-base", which is not defined in this file',
    ]);
  });

  it('reports extends that name a missing file or service, or loop', async () => {
    const found = await findings(RULE, ['compose/references/extends']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/references/extends/compose.yaml:4:13-4:27 compose/references extends names the file "missing.yaml", which does not exist',
      'compose/references/extends/compose.yaml:9:16-9:24 compose/references extends names the service "api-bsae", which is not defined in common.yaml; did you mean "api-base"?',
      'compose/references/extends/compose.yaml:14:14-14:15 compose/references extends forms a cycle: a → b → a',
    ]);
  });

  it('reports dependencies on services that profiles may leave out', async () => {
    const found = await findings(RULE, ['compose/references/profiles']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'compose/references/profiles/compose.yaml:4:18-4:24 compose/references service "web" always runs but depends on "mailer", which only runs with profile "dev"; compose fails unless that profile is enabled (or mark the dependency "required: false")',
      'compose/references/profiles/compose.yaml:4:26-4:33 compose/references service "web" always runs but depends on "metrics", which only runs with profile "monitoring"; compose fails unless that profile is enabled (or mark the dependency "required: false")',
      'compose/references/profiles/compose.yaml:14:18-14:25 compose/references service "grafana" (profiles "dashboards") depends on "metrics", which only runs with profile "monitoring"; no profile enables both',
    ]);
  });

  it('accepts declared resources, host paths, optional dependencies and what extends does not inherit', async () => {
    expect(await findings(RULE, ['compose/references/good'])).toEqual([]);
  });
});
