import { describe, expect, it } from 'vitest';
import { bakeReader } from '../../../src/stack/evidence/bake.js';
import { githubWorkflowReader } from '../../../src/stack/evidence/github-workflow.js';
import { gitlabCiReader } from '../../../src/stack/evidence/gitlab-ci.js';
import { justfileReader } from '../../../src/stack/evidence/justfile.js';
import { makefileReader } from '../../../src/stack/evidence/makefile.js';
import { markdownReader } from '../../../src/stack/evidence/markdown.js';
import { packageJsonReader } from '../../../src/stack/evidence/package-json.js';
import { shellScriptReader } from '../../../src/stack/evidence/shell-script.js';
import { taskfileReader } from '../../../src/stack/evidence/taskfile.js';

const brief = (items: ReturnType<typeof makefileReader.read>) =>
  items.flatMap((i) => (i.kind === 'generates' ? [] : [i])).map((i) => (i.kind === 'compose' ? `${i.at.line} compose ${i.cwd} [${i.files.join(' ')}]${i.envFiles.length ? ` env=${i.envFiles.join(',')}` : ''}${i.variables.length ? ` vars=${i.variables.join(',')}` : ''}` : i.kind === 'source' ? `${i.at.line} source ${i.path}` : `${i.at.line} build ${i.context} ${i.dockerfile ?? '-'}${i.target ? ` ${i.target}` : ''}`));

describe('evidence readers', () => {
  it('shell scripts: every line, cd carrying on', () => {
    expect(brief(shellScriptReader.read({ path: '/r/bin/up.sh', text: '#!/bin/sh\ncd ..\ndocker compose -f a.yaml up\n' }))).toEqual(['3 compose /r [a.yaml]']);
  });

  it('Makefiles: recipe lines only, each its own shell, Make variables expanded', () => {
    const text = 'FILES = -f base.yml -f dev.yml\nup:\n\t@cd ops && docker compose $(FILES) up\nbuild:\n\tdocker build -f backend/Dockerfile.x .\n# docker compose -f comment.yml\n';
    expect(brief(makefileReader.read({ path: '/r/Makefile', text }))).toEqual(['3 compose /r/ops [base.yml dev.yml]', '5 build /r /r/backend/Dockerfile.x']);
  });

  it('justfiles: recipe lines, each its own shell unless the recipe is a script, {{variables}} expanded', () => {
    const text = [
      'compose := "docker compose -f compose.yaml -f compose.prod.yaml"', // 1
      'export TAG := \'1.4\'', // 2
      '', // 3
      '# bring it up', // 4
      'up service="": build', // 5
      '    @{{compose}} up -d {{service}}', // 6
      '', // 7
      'build:', // 8
      '    cd backend', // 9
      '    -docker build -f backend/Dockerfile.prod -t api:{{TAG}} .', // 10
      '', // 11
      'ci:', // 12
      '    #!/usr/bin/env bash', // 13
      '    cd ci', // 14
      '    docker compose -f ../compose.yaml -f compose.yaml config', // 15
      'notes := "docker compose -f not-a-command.yaml"', // 16
    ].join('\n');
    expect(brief(justfileReader.read({ path: '/r/justfile', text }))).toEqual([
      '6 compose /r [compose.yaml compose.prod.yaml]',
      '10 build /r /r/backend/Dockerfile.prod',
      '15 compose /r/ci [../compose.yaml compose.yaml]',
    ]);
  });

  it('Taskfiles: each cmd its own shell in the task\'s dir, {{.VARS}} of the file and the task expanded', () => {
    const text = [
      "version: '3'", // 1
      'vars:', // 2
      '  PROD: -f compose.yaml -f compose.prod.yaml', // 3
      '  REV: { sh: git rev-parse HEAD }', // 4
      'tasks:', // 5
      '  up:', // 6
      '    cmds:', // 7
      '      - docker compose {{.PROD}} up -d', // 8
      '      - task: build', // 9
      '  build:', // 10
      '    dir: services/api', // 11
      '    vars: { FILE: Dockerfile.prod }', // 12
      '    cmds:', // 13
      '      - cmd: docker build -f {{.FILE}} -t api:{{.REV}} .', // 14
      '      - |', // 15
      '        cd ../..', // 16
      '        docker compose -f compose.yaml -f ci/compose.yaml config', // 17
    ].join('\n');
    expect(brief(taskfileReader.read({ path: '/r/Taskfile.yml', text }))).toEqual([
      '8 compose /r [compose.yaml compose.prod.yaml]',
      '14 build /r/services/api /r/services/api/Dockerfile.prod',
      '17 compose /r [compose.yaml ci/compose.yaml]',
    ]);
    expect(taskfileReader.read({ path: '/r/Taskfile.yml', text: 'tasks: [' })).toEqual([]);
  });

  it('package.json: each script, at its line', () => {
    const text = '{\n  "scripts": {\n    "build": "tsc",\n    "dev": "docker compose -f ./docker-compose.dev.yml up"\n  }\n}\n';
    expect(brief(packageJsonReader.read({ path: '/r/package.json', text }))).toEqual(['4 compose /r [./docker-compose.dev.yml]']);
    expect(packageJsonReader.read({ path: '/r/package.json', text: '{ not json' })).toEqual([]);
  });

  it('GitHub workflows: run steps with env COMPOSE_FILE, $GITHUB_ENV, working-directory, and build-push-action', () => {
    const text = [
      'on: push', // 1
      'env:', // 2
      '  TOP: 1', // 3
      'jobs:', // 4
      '  test:', // 5
      '    runs-on: ubuntu-latest', // 6
      '    env:', // 7
      '      COMPOSE_FILE: compose.yaml:ci/${{ matrix.dir }}.yaml', // 8
      '    steps:', // 9
      '      - run: echo "TOKEN=x" >> $GITHUB_ENV', // 10
      '      - run: |', // 11
      '          docker compose config', // 12
      '          docker compose up -d', // 13
      '      - run: docker compose -f stack.yml up', // 14
      '        working-directory: deploy', // 15
      '      - uses: docker/build-push-action@v6', // 16
      '        with:', // 17
      '          context: .', // 18
      '          file: docker/Dockerfile', // 19
      '          target: prod', // 20
    ].join('\n');
    expect(brief(githubWorkflowReader.read({ path: '/r/.github/workflows/ci.yml', text }))).toEqual([
      '12 compose /r [compose.yaml ci/*.yaml] vars=COMPOSE_FILE,TOKEN,TOP',
      '13 compose /r [compose.yaml ci/*.yaml] vars=COMPOSE_FILE,TOKEN,TOP',
      '14 compose /r/deploy [stack.yml] vars=COMPOSE_FILE,TOKEN,TOP',
      '16 build /r /r/docker/Dockerfile prod',
    ]);
  });

  it('GitLab CI: script lines of each job with its variables', () => {
    const text = 'variables:\n  COMPOSE_PROFILES: web\ntest:\n  script:\n    - docker compose -f compose.yaml -f ci/gitlab.yaml up -d\n    - docker compose down\n';
    expect(brief(gitlabCiReader.read({ path: '/r/.gitlab-ci.yml', text }))).toEqual([
      '5 compose /r [compose.yaml ci/gitlab.yaml] vars=COMPOSE_PROFILES',
      '6 compose /r [] vars=COMPOSE_PROFILES',
    ]);
  });

  it('bake files: JSON targets, and HCL target blocks with literal strings (dockerfile against the context)', () => {
    const json = '{\n  "target": {\n    "api": { "context": "services", "dockerfile": "api/Dockerfile", "target": "prod" }\n  }\n}';
    expect(brief(bakeReader.read({ path: '/r/docker-bake.json', text: json }))).toEqual(['3 build /r/services /r/services/api/Dockerfile prod']);
    const hcl = 'group "default" {\n  targets = ["app"]\n}\n\ntarget "app" {\n  context = "."\n  dockerfile = "app/Dockerfile"\n  args = {\n    X = "1"\n  }\n}\ntarget "v" {\n  context = "${DIR}"\n}\n';
    expect(brief(bakeReader.read({ path: '/r/docker-bake.hcl', text: hcl }))).toEqual(['5 build /r /r/app/Dockerfile', '12 build /r -']);
  });

  it('Markdown: fenced shell blocks (prompts dropped, console output skipped), other languages ignored', () => {
    const text = '# Run\n\n```sh\ndocker compose -f compose.yaml -f extra.yaml up\n```\n\n```console\n$ docker compose up\ndocker compose output line\n```\n\n```yaml\n# docker compose -f no.yaml\n```\n';
    expect(brief(markdownReader.read({ path: '/r/README.md', text }))).toEqual(['4 compose /r [compose.yaml extra.yaml]', '8 compose /r []']);
    // a page may be written for a folder above it
    expect(markdownReader.read({ path: '/r/docs/run.md', text })[0]).toMatchObject({ cwd: '/r/docs', otherCwds: ['/r'] });
  });
});
