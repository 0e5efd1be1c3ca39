import { describe, expect, it } from 'vitest';
import { invocationsIn } from '../../../src/stack/evidence/commands.js';
import { numberedLines } from '../../../src/stack/evidence/lines.js';

const read = (text: string, extra: Partial<Parameters<typeof invocationsIn>[1]> = {}) =>
  invocationsIn(numberedLines(text), { file: '/repo/run.sh', cwd: '/repo', ...extra });

describe('invocationsIn', () => {
  it('reads -f, --file=, --env-file, --profile, -p and --project-directory of a compose command', () => {
    const [run] = read('docker compose -f a.yaml --file=b/c.yaml --env-file ci/base.env --profile web -p shop --project-directory . up -d -f ignored');
    expect(run).toEqual({
      kind: 'compose',
      cwd: '/repo',
      otherCwds: [],
      files: ['a.yaml', 'b/c.yaml'],
      envFiles: ['ci/base.env'],
      profiles: ['web'],
      projectDirectory: '.',
      projectName: 'shop',
      variables: [],
      at: { file: '/repo/run.sh', line: 1 },
    });
  });

  it('follows cd, joins continuation lines and numbers a command by its first line', () => {
    const runs = read('set -e\ncd deploy && docker-compose \\\n  -f base.yml \\\n  -f prod.yml up');
    expect(runs.map((r) => [r.cwd, r.kind === 'compose' && r.files, r.at.line])).toEqual([['/repo/deploy', ['base.yml', 'prod.yml'], 2]]);
  });

  it('takes COMPOSE_FILE, COMPOSE_PROFILES and COMPOSE_PROJECT_NAME from the environment of a plain run', () => {
    const [run] = read('export COMPOSE_PROFILES=a,b\nCOMPOSE_FILE=x.yaml:y.yaml COMPOSE_PROJECT_NAME=p docker compose up');
    expect(run).toMatchObject({ files: ['x.yaml', 'y.yaml'], profiles: ['a', 'b'], projectName: 'p', variables: ['COMPOSE_FILE', 'COMPOSE_PROJECT_NAME'] });
  });

  it('expands variables the text sets and turns unknown ones into *', () => {
    const runs = read('override=ci/extra.yaml\ndocker compose -f "$override" -f "$DIR/compose.yaml" -f ${MISSING:-fallback.yaml} up');
    expect(runs[0]).toMatchObject({ files: ['ci/extra.yaml', '*/compose.yaml', 'fallback.yaml'] });
  });

  it('resolves $(dirname "$0") and ${0%/*} to the script folder', () => {
    const runs = read('cd "$(dirname "$0")/.."\ndocker compose up', { file: '/repo/bin/up.sh', cwd: '/repo/bin' });
    expect(runs[0]!.cwd).toBe('/repo');
    const other = read('target="${0%/*}/.."\ncd "$target"\ndocker compose up', { file: '/repo/bin/up.sh', cwd: '/repo/bin' });
    expect(other[0]!.cwd).toBe('/repo');
  });

  it('offers the folders a script cds to elsewhere as other places its commands may run', () => {
    const runs = read('up() {\n  docker compose up\n}\ncd app\nup');
    expect(runs[0]).toMatchObject({ cwd: '/repo', otherCwds: ['/repo/app'] });
  });

  it('reads a link that makes a file the folder\'s auto-loaded override', () => {
    const [run] = read('ln -sf docker-compose.override.dev.yml docker-compose.override.yml');
    expect(run).toMatchObject({ kind: 'compose', cwd: '/repo', files: [], overrideLink: 'docker-compose.override.dev.yml' });
  });

  it('reads docker build and docker buildx build: -f against the working folder, the context, --target', () => {
    const runs = read('docker build -t app:1 -f backend/Dockerfile.api --target prod .\ncd web && docker buildx build --file=Dockerfile --push ../shared\ndocker build https://github.com/x/y.git');
    expect(runs).toEqual([
      { kind: 'build', cwd: '/repo', dockerfile: '/repo/backend/Dockerfile.api', context: '/repo', target: 'prod', at: { file: '/repo/run.sh', line: 1 } },
      { kind: 'build', cwd: '/repo/web', dockerfile: '/repo/web/Dockerfile', context: '/repo/shared', at: { file: '/repo/run.sh', line: 2 } },
      // cd carries on in a script; a remote context is no folder here
      { kind: 'build', cwd: '/repo/web', at: { file: '/repo/run.sh', line: 3 } },
    ]);
  });

  it('ignores comments, other programs and words that only mention compose', () => {
    expect(read('# docker compose -f x.yaml up\necho "docker compose up"\ngrep docker-compose file')).toEqual([]);
  });

  it('reads Make variables and $$ in a Makefile dialect', () => {
    const runs = invocationsIn([{ text: 'docker compose -f $(FILE) -f $${HOME}/x.yaml up', line: 4 }], { file: '/repo/Makefile', cwd: '/repo', dialect: 'make', variables: new Map([['FILE', 'dev.yaml']]) });
    expect(runs[0]).toMatchObject({ files: ['dev.yaml', '*/x.yaml'], at: { line: 4 } });
  });
  it('resolves arrays: assignments (also over several lines), += appends and "${name[@]}" in a compose command', () => {
    const runs = read('args=(-f a.yml -f b.yml); docker compose "${args[@]}" up\nlayers=(\n  -f base.yml\n)\nlayers+=("-f" "extra one.yml")\ndocker compose "${layers[@]:?}" --env-file ci.env config');
    expect(runs.map((r) => [r.at.line, r.kind === 'compose' && r.files, r.kind === 'compose' && r.envFiles])).toEqual([
      [1, ['a.yml', 'b.yml'], []],
      [6, ['base.yml', 'extra one.yml'], ['ci.env']],
    ]);
  });

  it('resolves $(f arg) of a function whose body is one echo', () => {
    const runs = read('with() {\n    echo "--file=./ci/$1.yaml"\n}\ndocker=(docker compose -f compose.yaml)\n"${docker[@]}" "$(with no-envs)" "$(with new-hostname)" up zulip --wait');
    expect(runs.map((r) => [r.at.line, r.kind === 'compose' && r.files])).toEqual([[5, ['compose.yaml', './ci/no-envs.yaml', './ci/new-hostname.yaml']]]);
  });

  it('records a sourced script with the lines before it', () => {
    const items = read('docker=(docker compose -f compose.yaml -f "$DIR/compose.yaml")\nsource "$DIR/test.sh"');
    expect(items.map((i) => (i.kind === 'source' ? [i.path, i.variable, i.prelude.map((l) => l.line)] : i.kind))).toEqual([['/repo/*/test.sh', 'DIR', [1]]]);
  });
});
