import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cudaIn, exposedPortsOf, toolIn } from '../../src/stack/image.js';
import { project, stackOf } from './helpers.js';

const rel = (dir: string, p: string | undefined) => (p === undefined ? undefined : path.relative(dir, p).split(path.sep).join('/'));

describe('the stack model: service builds', () => {
  it('resolves context, dockerfile, target and args, applying build args to the global ARGs of FROM', async () => {
    const dir = project({
      'compose.yaml': [
        'services:',
        '  api:',
        '    build:',
        '      context: ./api',
        '      dockerfile: docker/api.Dockerfile',
        '      target: runtime',
        '      args:',
        '        PY: "3.11"',
        '        - ignored',
        '  env-base:',
        '    build:',
        '      context: ./api',
        '      dockerfile: docker/api.Dockerfile',
        '      target: build',
        '      args: [BASE]',
        '',
      ].join('\n').replace('        - ignored\n', ''),
      'api/docker/api.Dockerfile': 'ARG PY=3.12\nARG BASE=python:${PY}-slim\nFROM ${BASE} AS build\nRUN true\nFROM build AS runtime\nCMD ["python"]\nFROM alpine:3.20 AS other\n',
      'api/docker/api.Dockerfile.dockerignore': 'node_modules\n',
      'api/.dockerignore': '.git\n',
    });
    const stack = await stackOf(dir);
    const p = stack.composeProjects[0]!;
    const build = stack.serviceBuild('api', p)!;
    expect(rel(dir, build.context)).toBe('api');
    expect(rel(dir, build.dockerfilePath)).toBe('api/docker/api.Dockerfile');
    expect(build.contextState).toBe('dir');
    expect(build.dockerfileState).toBe('file');
    expect(build.target).toBe('runtime');
    expect([...build.args]).toEqual([['PY', '3.11']]);
    // the Dockerfile is not discovered as one (`*.Dockerfile` is: this one is) and is linted with the run
    expect(build.dockerfile?.file.path).toBe(path.join(dir, 'api/docker/api.Dockerfile'));
    expect(build.dockerignore).toEqual({ path: path.join(dir, 'api/docker/api.Dockerfile.dockerignore'), text: 'node_modules\n' });
    const image = stack.serviceImage('api', p)!;
    expect(image.stage.name).toBe('runtime');
    expect(image.stages.map((s) => s.name)).toEqual(['runtime', 'build']);
    expect(image.resolvedBase).toBe('python:3.11-slim');
    // `args: [BASE]` takes the value from the environment: the base is unknown
    expect(stack.serviceImage('env-base', p)!.resolvedBase).toBeUndefined();
    expect(stack.serviceBuild('missing', p)).toBeUndefined();
  });

  it('resolves paths of an override against the project directory and of an extends file against its own folder', async () => {
    const dir = project({
      'compose.yaml': 'services:\n  web:\n    extends:\n      file: common/base.yaml\n      service: web\n  api:\n    build: ./api\n',
      'compose.override.yaml': 'services:\n  api:\n    build:\n      dockerfile: Dockerfile.dev\n',
      'common/base.yaml': 'services:\n  web:\n    build: ./web\n',
      'common/web/Dockerfile': 'FROM nginx:1.27\n',
      'api/Dockerfile.dev': 'FROM node:20\n',
    });
    const stack = await stackOf(dir);
    const p = stack.composeProjectOf(path.join(dir, 'compose.yaml'))!;
    expect(rel(dir, stack.serviceBuild('web', p)!.dockerfilePath)).toBe('common/web/Dockerfile');
    expect(stack.serviceImage('web', p)!.resolvedBase).toBe('nginx:1.27');
    expect(rel(dir, stack.serviceBuild('api', p)!.dockerfilePath)).toBe('api/Dockerfile.dev');
    // Dockerfile.dev is discovered (`Dockerfile.*`); the extends base's Dockerfile was read for context
    expect(stack.dockerfileAt(path.join(dir, 'common/web/Dockerfile'))).toBeDefined();
  });

  it('reads a Dockerfile that discovery does not find (build.dockerfile: docker/app.df) for context', async () => {
    const dir = project({
      'compose.yaml': 'services:\n  app:\n    build:\n      context: .\n      dockerfile: docker/app.df\n',
      'docker/app.df': 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    });
    for (const mode of ['disk', 'load'] as const) {
      const stack = await stackOf(dir, { mode });
      const image = stack.serviceImage('app', stack.composeProjects[0]!)!;
      expect(image.dockerfile.file.relPath).toBe('docker/app.df');
      expect(stack.dockerfileAt(path.join(dir, 'docker/app.df'))).toBeUndefined(); // not linted
      expect(toolIn(image, 'curl').status).toBe('yes');
    }
  });

  it('reads ahead what an answer brings up: the .dockerignore of a Containerfile found in place of a Dockerfile', async () => {
    // Virtual: the Containerfile is not a file of the run, so only the resources know of it.
    const dir = '/virtual/podman';
    const stack = await stackOf(dir, {
      overlay: { 'compose.yaml': 'services:\n  app:\n    build: ./app\n', 'app/Containerfile': 'FROM alpine:3.20\n', 'app/Containerfile.dockerignore': '.git\n' },
    });
    const build = stack.serviceBuild('app', stack.composeProjects[0]!)!;
    expect(rel(dir, build.dockerfilePath)).toBe('app/Containerfile');
    expect(stack.dockerfileAt(path.join(dir, 'app/Containerfile'))).toBeUndefined();
    expect(build.dockerignore).toEqual({ path: path.join(dir, 'app/Containerfile.dockerignore'), text: '.git\n' });
  });

  it('lists the services built from a Dockerfile, in every environment', async () => {
    const dir = project({
      'compose.yaml': 'services:\n  web1:\n    build: ./web\n  web2:\n    build: ./web\n  db:\n    image: postgres:16\n',
      'compose.prod.yaml': 'services:\n  web1:\n    user: "1000"\n',
      'web/Dockerfile': 'FROM node:20-alpine\n',
    });
    const stack = await stackOf(dir);
    const built = stack.servicesBuiltFrom(path.join(dir, 'web/Dockerfile'));
    expect(built.map((b) => `${b.project.environment}:${b.service.name}`).sort()).toEqual(['default:web1', 'default:web2', 'prod:web1', 'prod:web2']);
    expect(stack.servicesBuiltFrom(stack.dockerfiles[0]!)).toBe(built);
  });

  it('parses dockerfile_inline', async () => {
    const dir = project({ 'compose.yaml': 'services:\n  tool:\n    build:\n      dockerfile_inline: |\n        FROM debian:bookworm-slim AS base\n        CMD ["true"]\n' });
    const stack = await stackOf(dir);
    const image = stack.serviceImage('tool', stack.composeProjects[0]!)!;
    expect(image.build.inline).toBe(true);
    expect(image.resolvedBase).toBe('debian:bookworm-slim');
    expect(toolIn(image, 'curl').status).toBe('no');
  });

  it('answers from an overlay when the run is virtual (standard input, the RuleTester)', async () => {
    const stack = await stackOf('/virtual/shop', {
      overlay: { 'compose.yaml': 'services:\n  api:\n    build: ./api\n  web:\n    build: ./web\n', 'api/Dockerfile': 'FROM python:3.12\n' },
    });
    const p = stack.composeProjects[0]!;
    expect(stack.serviceBuild('api', p)!.dockerfileState).toBe('file');
    expect(stack.serviceBuild('web', p)!.contextState).toBe('missing');
  });
});

describe('the stack model: images', () => {
  it('knows installs, removals (also of apk --virtual groups), CUDA and EXPOSEd ports with ARG/ENV values', async () => {
    const dir = project({
      'compose.yaml': [
        'services:',
        '  a:',
        '    build: { context: ., target: a }',
        '  b:',
        '    build: { context: ., target: b, args: { PORT: "9000" } }',
        '  c:',
        '    build: { context: ., target: c }',
        '',
      ].join('\n'),
      Dockerfile: [
        'FROM alpine:3.20 AS a',
        'RUN apk add --no-cache --virtual .deps curl && apk del .deps',
        'FROM debian:bookworm-slim AS b',
        'ARG PORT=8000',
        'ENV HEALTH=1$PORT',
        'EXPOSE $PORT ${HEALTH}/udp',
        'RUN apt-get update && apt-get install -y --no-install-recommends wget',
        'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04 AS c',
        '',
      ].join('\n'),
    });
    const stack = await stackOf(dir);
    const p = stack.composeProjects[0]!;
    const a = stack.serviceImage('a', p)!;
    expect(toolIn(a, 'curl').status).toBe('no');
    expect(toolIn(a, 'curl').decidedBy?.keyword).toBe('RUN');
    expect(toolIn(a, 'wget').status).toBe('yes');
    const b = stack.serviceImage('b', p)!;
    expect(toolIn(b, 'wget').status).toBe('yes');
    expect(toolIn(b, 'curl').status).toBe('no');
    expect(cudaIn(b).status).toBe('no');
    const ports = exposedPortsOf(b);
    expect(ports.complete).toBe(true);
    expect(ports.ports.map((x) => `${x.start}/${x.protocol}`)).toEqual(['9000/tcp', '19000/udp']);
    expect(cudaIn(stack.serviceImage('c', p)!).status).toBe('yes');
  });
});

describe('the stack model: scripts', () => {
  it('reads compose calls: files, project name, profiles, env files, the services of each subcommand, the project they run', async () => {
    const dir = project({
      'docker-compose.yml': 'services:\n  api:\n    image: a:1\n  worker:\n    image: w:1\n    profiles: [jobs]\n',
      'docker-compose.test.yml': 'services:\n  tests:\n    image: t:1\n',
      '.env.ci': 'X=1\n',
      'scripts/ci.sh': [
        '#!/bin/sh',
        'cd "$(dirname "$0")/.."',
        'docker compose -f docker-compose.yml -f docker-compose.test.yml -p shop-ci --profile jobs --env-file .env.ci up -d --scale worker=2 api worker',
        'docker compose -f docker-compose.yml exec -T -u root api sh -c "true"',
        'sh -c "docker-compose logs --tail=5 -f api"',
        '',
      ].join('\n'),
    });
    const stack = await stackOf(dir);
    const calls = stack.composeCallsIn(stack.scripts[0]!);
    expect(calls.map((c) => [c.subcommand, c.services.map((w) => w.value)])).toEqual([
      ['up', ['api', 'worker']],
      ['exec', ['api']],
      ['logs', ['api']],
    ]);
    const [up, exec, logs] = calls;
    expect(up!.files.map((f) => [f.value, f.state, rel(dir, f.path)])).toEqual([
      ['docker-compose.yml', 'file', 'docker-compose.yml'],
      ['docker-compose.test.yml', 'file', 'docker-compose.test.yml'],
    ]);
    expect(up!.projectName?.value).toBe('shop-ci');
    expect(up!.profiles.map((p) => p.value)).toEqual(['jobs']);
    expect(up!.envFiles.map((f) => [f.value, f.state])).toEqual([['.env.ci', 'file']]);
    expect(up!.workingDirs[0]).toBe(dir);
    expect(up!.project?.name).toBe('shop-ci');
    expect(up!.project?.services.map((s) => s.name)).toEqual(['api', 'worker', 'tests']);
    expect(exec!.project).toBe(stack.composeProjectOf(path.join(dir, 'docker-compose.yml')));
    // no -f: the default files of the folder the script moved to
    expect(logs!.project?.files.map((f) => rel(dir, f.file.path))).toEqual(['docker-compose.yml']);
  });

  it('finds the scripts a service runs: through a bind mount, or by name in the build context', async () => {
    const dir = project({
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    entrypoint: /docker/entry.sh\n    volumes:\n      - ./ops/entry.sh:/docker/entry.sh:ro\n  api:\n    build: ./api\n',
      'ops/entry.sh': '#!/bin/sh\nexec nginx\n',
      'api/Dockerfile': 'FROM alpine:3.20\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n',
      'api/start.sh': '#!/bin/sh\nexec ./server\n',
      'other/start.sh': '#!/bin/sh\nexit 0\n',
    });
    const stack = await stackOf(dir);
    const p = stack.composeProjects[0]!;
    expect(stack.serviceScripts('web', p).map((s) => s.file.relPath)).toEqual(['ops/entry.sh']);
    expect(stack.serviceScripts('api', p).map((s) => s.file.relPath)).toEqual(['api/start.sh']);
  });
});

describe('the stack model: compose call arguments', () => {
  it.each([
    ['docker compose up -d --build --force-recreate api', ['api']],
    ['docker compose up -d --scale worker=3 --timeout 30 api worker', ['api', 'worker']],
    ['docker compose logs -f --tail=100 api', ['api']],
    ['docker compose logs -n 50 -t api', ['api']],
    ['docker compose exec -it api bash', ['api']],
    ['docker compose exec -T -e X=1 -w /app db psql -U postgres', ['db']],
    ['docker compose run --rm -v "$(pwd)":/app -p 8000:8000 api pytest -x', ['api']],
    ['docker compose restart -t 5 api worker', ['api', 'worker']],
    ['docker compose stop', []],
    ['docker compose ps api', []],
    ['docker compose down -v', []],
    ['docker compose up -d "$@"', []],
    ['docker compose up -d --frobnicate value api', []],
    ['docker-compose -f docker-compose.yml run -d api', ['api']],
    ['docker --context prod compose -f docker-compose.yml up -d api', ['api']],
  ])('%s', async (line, services) => {
    const dir = project({ 'docker-compose.yml': 'services:\n  api:\n    image: a:1\n', 'run.sh': `#!/bin/sh\n${line}\n` });
    const stack = await stackOf(dir);
    expect(stack.composeCallsIn(stack.scripts[0]!)[0]!.services.map((w) => w.value)).toEqual(services);
  });
});
