import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainProjects, type ExplainedProject } from '../src/runner/explain.js';
import { run } from '../src/runner/run.js';
import { SHARED } from './helpers/lint.js';

/**
 * The eight real projects of ../shared/corpus/projects: explain-project agrees with how their
 * SOURCES.md says the files combine, and linting them gives none of the findings that came from
 * guessing it wrong (build-or-image, references, unique-host-ports, env-interpolation, dockerignore).
 */
const root = path.join(SHARED, 'corpus/projects');

async function explain(name: string): Promise<ExplainedProject[]> {
  return explainProjects({ cwd: path.join(root, name), patterns: ['.'], noConfigLookup: true });
}
const filesOf = (projects: readonly ExplainedProject[]) => projects.map((p) => p.files.join(' + '));
const find = (projects: readonly ExplainedProject[], files: string) => projects.find((p) => p.files.join(' + ') === files)!;
const builds = (p: ExplainedProject) => p.services.filter((s) => s.dockerfile || s.context).map((s) => `${s.name}: ${s.dockerfile} @ ${s.context}${s.target ? ` (${s.target})` : ''}`);

describe.skipIf(!existsSync(root))('the real projects of the shared corpus', () => {
  it('taiga: docker-compose.yml alone, and with docker-compose-inits.yml layered by taiga-manage.sh', async () => {
    const projects = await explain('taigaio-taiga-docker');
    expect(filesOf(projects)).toEqual(['docker-compose.yml', 'docker-compose.yml + docker-compose-inits.yml']);
    expect(find(projects, 'docker-compose.yml').evidence).toContain('launch-taiga.sh:10');
    expect(find(projects, 'docker-compose.yml + docker-compose-inits.yml').evidence).toContain('taiga-manage.sh:10');
    // the committed root .env is the interpolation source of both
    for (const p of projects) expect(p.envFiles).toEqual(['.env']);
  });

  it('redash: three alternative stacks, never layered, CI ones chosen by COMPOSE_FILE with their project names', async () => {
    const projects = await explain('getredash-redash');
    expect(filesOf(projects).sort()).toEqual(['.ci/compose.ci.yaml', '.ci/compose.cypress.yaml', 'compose.yaml']);
    expect(find(projects, '.ci/compose.ci.yaml')).toMatchObject({ name: 'redash', directory: '.ci', evidence: expect.arrayContaining(['.github/workflows/ci.yml:49']) });
    expect(find(projects, '.ci/compose.cypress.yaml')).toMatchObject({ name: 'cypress', variables: expect.arrayContaining(['CODE_COVERAGE']) });
    expect(find(projects, 'compose.yaml').evidence).toContain('Makefile:4');
    // context ../ from .ci/ is the repository root; dockerfile resolves against it
    expect(builds(find(projects, '.ci/compose.cypress.yaml'))).toContain('cypress: .ci/Dockerfile.cypress @ .');
  });

  it('zulip: compose.yaml with its override (copied from the committed example); CI layers ci/base.yaml and a scenario with ci/base.env', async () => {
    const projects = await explain('zulip-docker-zulip');
    const deploy = find(projects, 'compose.yaml + compose.override.yaml.example');
    expect(deploy.source).toBe('convention');
    expect(builds(deploy)).toEqual(['zulip: Dockerfile @ .']);
    const scenarios = projects.filter((p) => p.files[1] === 'ci/base.yaml' && p.files.length === 3);
    expect(scenarios.map((p) => p.files[2])).toEqual([
      'ci/backup-restore-volume/compose.yaml', 'ci/backup-restore/compose.yaml', 'ci/basic/compose.yaml', 'ci/certbot/compose.yaml', 'ci/config/compose.yaml',
      'ci/http-only/compose.yaml', 'ci/legacy-env/compose.yaml', 'ci/manual_configuration/compose.yaml', 'ci/memory/compose.yaml', 'ci/settings/compose.yaml',
    ]);
    for (const p of scenarios) expect(p).toMatchObject({ envFiles: ['ci/base.env'], evidence: expect.arrayContaining(['.github/workflows/dockerfile.yaml:251']) });
    // The layers scenario scripts add to the CI step's array (sourced with DIR set to their folder).
    const extra = projects.filter((p) => p.files.length > 3).map((p) => `${p.files.slice(2).join(' + ')} ${p.evidence[0]}`);
    expect(extra).toEqual([
      'ci/certbot/compose.yaml + ci/certbot/self-signed.yaml ci/certbot/test.sh:93',
      'ci/http-only/compose.yaml + ci/http-only/with-loadbalancer-ips.yaml ci/http-only/test.sh:22',
      'ci/manual_configuration/compose.yaml + ci/manual_configuration/no-envs.yaml ci/manual_configuration/test.sh:34',
      'ci/manual_configuration/compose.yaml + ci/manual_configuration/no-envs.yaml + ci/manual_configuration/new-hostname.yaml ci/manual_configuration/test.sh:44',
      'ci/manual_configuration/compose.yaml + ci/manual_configuration/link-settings.yaml ci/manual_configuration/test.sh:54',
      'ci/manual_configuration/compose.yaml + ci/manual_configuration/link-settings.yaml + ci/manual_configuration/new-hostname.yaml ci/manual_configuration/test.sh:62',
      'ci/memory/compose.yaml + ci/memory/low-memory.yaml ci/memory/test.sh:20',
      'ci/memory/compose.yaml + ci/memory/low-memory.yaml + ci/memory/multiprocess.yaml ci/memory/test.sh:27',
      'ci/memory/compose.yaml + ci/memory/multithreaded.yaml ci/memory/test.sh:34',
    ]);
    for (const p of projects.filter((p) => p.files.length > 3)) expect(p).toMatchObject({ envFiles: ['ci/base.env'] });
    expect(projects).toHaveLength(20);
  });

  it('healthchecks: docker/docker-compose.yml run from docker/, built from the repository root with docker/Dockerfile', async () => {
    const projects = await explain('healthchecks-healthchecks');
    expect(projects).toHaveLength(1);
    expect(projects[0]).toMatchObject({ files: ['docker/docker-compose.yml'], directory: 'docker', envFiles: ['docker/.env.example'] });
    expect(builds(projects[0]!)).toEqual(['web: docker/Dockerfile @ .']);
  });

  it('DefectDojo: docker-compose.yml alone or with one override (linked by setEnv.sh or CI), and the performance chain', async () => {
    const projects = await explain('DefectDojo-django-DefectDojo');
    expect(filesOf(projects).sort()).toEqual([
      'docker-compose.yml',
      'docker-compose.yml + docker-compose.override.dev.yml',
      'docker-compose.yml + docker-compose.override.https.yml',
      'docker-compose.yml + docker-compose.override.integration_tests.yml',
      'docker-compose.yml + docker-compose.override.unit_tests.yml',
      'docker-compose.yml + docker-compose.override.unit_tests_cicd.yml',
      'docker-compose.yml + docker-compose.override.unit_tests_cicd.yml + docker/docker-compose.override.performance_tests_cicd.yml',
    ]);
    expect(find(projects, 'docker-compose.yml + docker-compose.override.dev.yml').evidence).toEqual(['docker/setEnv.sh:72']);
    expect(find(projects, 'docker-compose.yml + docker-compose.override.integration_tests.yml').evidence).toContain('.github/workflows/integration-tests.yml:104');
    // the overrides change only the target; context and Dockerfile come from the base
    expect(builds(find(projects, 'docker-compose.yml + docker-compose.override.dev.yml'))).toContain('uwsgi: Dockerfile.django-debian @ . (development)');
    expect(builds(find(projects, 'docker-compose.yml'))).toContain('uwsgi: Dockerfile.django-debian @ . (release)');
  });

  it('hoppscotch: docker-compose.yml and docker-compose.deploy.yml, each alone; every build from the repository root', async () => {
    const projects = await explain('hoppscotch-hoppscotch');
    expect(filesOf(projects)).toEqual(['docker-compose.yml', 'docker-compose.deploy.yml']);
    expect(builds(projects[0]!)).toContain('hoppscotch-old-backend: packages/hoppscotch-backend/Dockerfile @ . (prod)');
    expect(builds(projects[1]!)).toEqual(['hoppscotch-aio: prod.Dockerfile @ . (aio)']);
  });

  it('saleor: docker-compose.yml alone, nothing built', async () => {
    const projects = await explain('saleor-saleor-platform');
    expect(projects).toHaveLength(1);
    expect(projects[0]).toMatchObject({ files: ['docker-compose.yml'], evidence: expect.arrayContaining(['README.md:72']) });
    expect(builds(projects[0]!)).toEqual([]);
  });

  it('wger: the root file with its optional override, the dev stacks and the test stack in their folders, grafana apart', async () => {
    const projects = await explain('wger-project-docker');
    expect(filesOf(projects).sort()).toEqual([
      'dev-postgres/docker-compose.yml',
      'dev/docker-compose.yml',
      'docker-compose.yml + docker-compose.override.example.yml',
      'grafana/docker-compose.yml',
      'tests/docker-compose.test.yml',
    ]);
    expect(find(projects, 'dev/docker-compose.yml')).toMatchObject({ directory: 'dev', envFiles: ['dev/.env.example'] });
    expect(find(projects, 'tests/docker-compose.test.yml')).toMatchObject({ directory: 'tests', evidence: expect.arrayContaining(['.github/workflows/test-nginx.yml:49']) });
  });

  it('lint gives none of the findings that came from guessing how the files combine', async () => {
    const result = await run({ cwd: root, patterns: ['.'], noConfigLookup: true });
    const wrong = result.diagnostics.filter((d) => /^compose\/(build-or-image|references|unique-host-ports|env-interpolation)$/.test(d.ruleId));
    expect(wrong.map((d) => `${d.relPath}:${d.range.start.line} ${d.ruleId}`)).toEqual([]);
    // The one .dockerignore finding left is right: healthchecks builds from its root, which has none.
    expect(result.diagnostics.filter((d) => d.ruleId === 'dockerfile/dockerignore').map((d) => d.relPath)).toEqual(['healthchecks-healthchecks/docker/Dockerfile']);
  }, 60_000);
});
