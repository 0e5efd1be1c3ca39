import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainProjects } from '../../src/runner/explain.js';
import { run } from '../../src/runner/run.js';
import { FIXTURES } from '../helpers/lint.js';
import { collectEvidence } from '../../src/stack/evidence/index.js';

/**
 * One small stack per source of evidence (fixtures/stacks/evidence/<source>): the project the
 * linter builds, the evidence it names, and no completeness finding on a file that is a layer.
 */
const at = (name: string) => path.join(FIXTURES, 'stacks/evidence', name);

async function projects(name: string, lookup = false) {
  const found = await explainProjects({ cwd: at(name), patterns: ['.'], noConfigLookup: !lookup });
  return found.map((p) => ({ files: p.files, source: p.source, evidence: p.evidence, ...(p.name !== name ? { name: p.name } : {}), ...(p.envFiles.length ? { envFiles: p.envFiles } : {}) }));
}

async function completeness(name: string, lookup = false): Promise<string[]> {
  const result = await run({ cwd: at(name), patterns: ['.'], noConfigLookup: !lookup });
  return result.diagnostics
    .filter((d) => /^compose\/(build-or-image|references|unique-host-ports|unplaced-fragment)$/.test(d.ruleId))
    .map((d) => `${d.relPath}:${d.range.start.line} ${d.ruleId}`);
}

describe('projects from the repository\'s evidence', () => {
  it('a script: docker compose -f base -f overlay', async () => {
    expect(await projects('script')).toEqual([{ files: ['compose.yaml', 'compose-inits.yml'], source: 'invocation', evidence: ['manage.sh:3'] }]);
    expect(await completeness('script')).toEqual([]);
  });

  it('a Makefile recipe, with an overlay in another folder', async () => {
    expect(await projects('makefile')).toEqual([{ files: ['docker-compose.yml', 'ops/compose.extra.yml'], source: 'invocation', evidence: ['Makefile:2'] }]);
    expect(await completeness('makefile')).toEqual([]);
  });

  it('package.json: a file run on its own is not merged onto the base its name suggests', async () => {
    expect(await projects('package-json')).toEqual([
      { files: ['docker-compose.dev.yml'], source: 'invocation', evidence: ['package.json:5'] },
      { files: ['docker-compose.yml'], source: 'invocation', evidence: ['package.json:6'] },
    ]);
    expect(await completeness('package-json')).toEqual([]);
  });

  it('a GitHub workflow: COMPOSE_FILE in the job env chooses the files of a plain run', async () => {
    expect(await projects('github')).toEqual([{ files: ['compose.yaml', 'ci/compose.test.yaml'], source: 'invocation', evidence: ['.github/workflows/ci.yml:11'] }]);
    expect(await completeness('github')).toEqual([]);
  });

  it('a GitLab job script', async () => {
    expect(await projects('gitlab')).toEqual([{ files: ['compose.yaml', 'ci/compose.gitlab.yaml'], source: 'invocation', evidence: ['.gitlab-ci.yml:4'] }]);
    expect(await completeness('gitlab')).toEqual([]);
  });

  it('a README shell block', async () => {
    expect(await projects('readme')).toEqual([{ files: ['compose.yaml', 'compose.monitoring.yaml'], source: 'invocation', evidence: ['README.md:6'] }]);
    expect(await completeness('readme')).toEqual([]);
  });

  it('a justfile recipe, {{variable}} expanded', async () => {
    expect(await projects('justfile')).toEqual([{ files: ['compose.yaml', 'dev.yaml'], source: 'invocation', evidence: ['justfile:4'] }]);
    expect(await completeness('justfile')).toEqual([]);
  });

  it('a Taskfile task in its dir:', async () => {
    expect(await projects('taskfile')).toEqual([{ files: ['deploy/compose.yaml', 'deploy/prod.yaml'], source: 'invocation', evidence: ['Taskfile.yml:7'], name: 'deploy' }]);
    expect(await completeness('taskfile')).toEqual([]);
  });

  it('a CI step\'s array, extended by the script it sources with DIR set to the script\'s folder', async () => {
    expect(await projects('sourced')).toEqual([{ files: ['compose.yaml', 'ci/smoke/compose.yaml', 'ci/smoke/extra.yaml'], source: 'invocation', evidence: ['ci/smoke/test.sh:3'] }]);
    expect(await completeness('sourced')).toEqual([]);
  });

  it('a bake target: the Dockerfile, built from the root context, follows the root .dockerignore', async () => {
    const evidence = collectEvidence([at('bake')]);
    expect(evidence.items.map((i) => (i.kind === 'build' ? `${path.relative(at('bake'), i.dockerfile!)} @ ${path.relative(at('bake'), i.context!) || '.'} ${path.relative(at('bake'), i.at.file)}:${i.at.line}` : i.kind))).toEqual([
      'app/Dockerfile @ . docker-bake.hcl:5',
    ]);
    const result = await run({ cwd: at('bake'), patterns: ['.'], noConfigLookup: true });
    expect(result.diagnostics.filter((d) => d.ruleId === 'dockerfile/dockerignore')).toEqual([]);
  });

  it('COMPOSE_FILE in .env', async () => {
    expect(await projects('compose-file')).toEqual([{ files: ['compose.yaml', 'compose.worker.yaml'], source: 'COMPOSE_FILE', evidence: ['.env:1'], envFiles: ['.env'] }]);
    expect(await completeness('compose-file')).toEqual([]);
  });

  it('projects: in .stackpolicyrc, with its env files', async () => {
    expect(await projects('config', true)).toEqual([
      { files: ['compose.yaml', 'deploy/compose.prod.yml'], source: 'config', evidence: ['.stackpolicyrc.yaml:3'], name: 'shop', envFiles: ['deploy/prod.env.example'] },
    ]);
    expect(await completeness('config', true)).toEqual([]);
  });

  it('a fragment nothing places: linted alone, completeness rules silent, one info finding', async () => {
    expect(await projects('fragment')).toEqual([
      { files: ['compose.yaml'], source: 'convention', evidence: [] },
      { files: ['compose.worker.yaml'], source: 'name', evidence: [] },
    ]);
    expect(await completeness('fragment')).toEqual(['compose.worker.yaml:1 compose/unplaced-fragment']);
  });

  it('env files: templates in the project directory and --env-file targets declare variables; a template holds no secrets', async () => {
    const result = await run({ cwd: at('env-files'), patterns: ['.'], noConfigLookup: true, cliRules: ['compose/env-interpolation: warning'] });
    const found = result.diagnostics.filter((d) => d.ruleId === 'compose/env-interpolation' || d.ruleId === 'compose/no-plaintext-secrets');
    expect(found.map((d) => `${d.relPath}:${d.range.start.line} ${d.ruleId} ${d.message}`)).toEqual([
      'compose.yaml:7 compose/env-interpolation REGION is not defined in .env or .env.example (neither exists beside the file), so compose substitutes an empty string unless the shell exports it',
    ]);
    expect((await explainProjects({ cwd: at('env-files'), patterns: ['.'], noConfigLookup: true }))[0]).toMatchObject({ envFiles: ['api.env.example', 'example.env', 'config/defaults.env'], evidence: ['up.sh:2'] });
  });

  it('a file only CI jobs run takes its variables from the job environment', async () => {
    const result = await run({ cwd: at('github'), patterns: ['.'], noConfigLookup: true, cliRules: ['compose/env-interpolation: warning'] });
    expect(result.diagnostics.filter((d) => d.ruleId === 'compose/env-interpolation')).toEqual([]);
  });

  it('include and extends.file: the files they reach are compose and are checked in the project that pulls them in', async () => {
    const found = await explainProjects({ cwd: at('include'), patterns: ['.'], noConfigLookup: true });
    expect(found.map((p) => ({ files: p.files, source: p.source, pulledIn: p.pulledIn }))).toEqual([
      {
        files: ['compose.yaml'],
        source: 'convention',
        pulledIn: [
          { file: 'services/db.yaml', by: 'include', evidence: 'compose.yaml:2' },
          { file: 'ci/common.yml', by: 'extends', evidence: 'compose.yaml:6' },
        ],
      },
    ]);
    const result = await run({ cwd: at('include'), patterns: ['.'], noConfigLookup: true });
    expect(result.files.map((f) => `${f.relPath} ${f.kind}`).sort()).toEqual(['ci/common.yml compose', 'compose.yaml compose', 'services/db.yaml compose']);
    // The template "base" of ci/common.yml is not a service of its own: what it gives "web" is reported where it is written.
    expect(result.diagnostics.map((d) => `${d.relPath}:${d.range.start.line} ${d.ruleId} ${d.message.slice(0, 22)}`).filter((d) => /privileged|references|build-or-image|unplaced/.test(d))).toEqual([
      'ci/common.yml:3 compose/no-privileged service "web" runs pri',
      'ci/common.yml:5 compose/references service "web" uses net',
      'services/db.yaml:4 compose/no-privileged service "db" runs priv',
    ]);
  });

  it('classifies what commands pass with -f: a compose file and a Dockerfile whatever their names', async () => {
    const result = await run({ cwd: at('classified'), patterns: ['.'], noConfigLookup: true });
    expect(result.files.map((f) => `${f.relPath} ${f.kind}`).sort()).toEqual(['deploy.sh shell', 'docker/app.df dockerfile', 'stack.yml compose']);
  });
});
