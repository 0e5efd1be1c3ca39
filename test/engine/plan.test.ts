import { describe, expect, it } from 'vitest';
import { planGroups, type PlannedFile } from '../../src/engine/plan.js';

type Spec = Record<string, string>;

/** Plans the files of `spec` (path → text; kind from the name) and gives each group as its paths. */
function plan(spec: Spec, extra: { declared?: { by: string; files: string[] }[]; single?: boolean } = {}): string[][] {
  const files: PlannedFile[] = Object.keys(spec)
    .sort()
    .map((p) => ({ path: p, kind: /compose[^/]*\.ya?ml$/.test(p) ? 'compose' : /Dockerfile[^/]*$/.test(p) ? 'dockerfile' : 'shell' }));
  return planGroups({ files, textOf: (p) => spec[p], ...extra }).map((g) => g.map((f) => f.path));
}

describe('planning the stacks of a run', () => {
  it('groups a compose folder with everything below it, and other files by folder', () => {
    expect(
      plan({
        '/r/app/compose.yaml': 'services: {}\n',
        '/r/app/api/Dockerfile': 'FROM x\n',
        '/r/app/api/start.sh': '#!/bin/sh\necho\n',
        '/r/tools/a.sh': '#!/bin/sh\n',
        '/r/tools/b.sh': '#!/bin/sh\n',
        '/r/images/web/Dockerfile': 'FROM y\n',
      }),
    ).toEqual([['/r/app/api/Dockerfile', '/r/app/api/start.sh', '/r/app/compose.yaml'], ['/r/images/web/Dockerfile'], ['/r/tools/a.sh', '/r/tools/b.sh']]);
  });

  it('puts a nested compose folder in the outer one', () => {
    expect(plan({ '/r/compose.yaml': 'services: {}\n', '/r/sub/compose.yaml': 'services: {}\n', '/r/sub/x.sh': '#!/bin/sh\n' })).toHaveLength(1);
  });

  it('joins the folders a compose file builds from or extends, outside its own', () => {
    const groups = plan({
      '/r/deploy/compose.yaml': 'services:\n  api:\n    build:\n      context: ../api\n  web:\n    extends:\n      file: ../base/compose.base.yaml\n      service: web\n',
      '/r/api/Dockerfile': 'FROM x\n',
      '/r/api/sub/entry.sh': '#!/bin/sh\n',
      '/r/base/compose.base.yaml': 'services: {}\n',
      '/r/other/Dockerfile': 'FROM z\n',
    });
    expect(groups).toEqual([
      ['/r/api/Dockerfile', '/r/api/sub/entry.sh', '/r/base/compose.base.yaml', '/r/deploy/compose.yaml'],
      ['/r/other/Dockerfile'],
    ]);
  });

  it('ignores paths in comments and `...`, and follows a build path made of variables to its default', () => {
    expect(plan({ '/r/a/compose.yaml': '# see ../b\nx: "[...]"\n', '/r/b/x.sh': '#!/bin/sh\n' })).toHaveLength(2);
    expect(plan({ '/r/a/compose.yaml': 'services:\n  x:\n    build:\n      context: ${DIR:-../b}\n', '/r/b/x.sh': '#!/bin/sh\n' })).toHaveLength(1);
  });

  it('joins a script to the folder it names (docker compose -f ../deploy/compose.yaml, cd ../deploy)', () => {
    expect(plan({ '/r/deploy/compose.yaml': 'services: {}\n', '/r/scripts/up.sh': '#!/bin/sh\ndocker compose -f ../deploy/compose.yaml up\n' })).toHaveLength(1);
    expect(plan({ '/r/deploy/compose.yaml': 'services: {}\n', '/r/scripts/up.sh': '#!/bin/sh\ncd ../deploy && docker compose up\n' })).toHaveLength(1);
  });

  it('keeps a sourced script without shebang with a script that sources it, once', () => {
    // lib.sh has no shebang: is it sourced? The answer needs a script that sources it in its group.
    expect(plan({ '/r/bin/run.sh': '#!/bin/sh\n. "$(dirname "$0")/lib.sh"\n', '/r/lib/lib.sh': 'f() { :; }\n' })).toHaveLength(1);
    // With a shebang the question is never asked; a sourcing script in its own group is enough.
    expect(plan({ '/r/bin/run.sh': '#!/bin/sh\n. ./lib.sh\n', '/r/lib/lib.sh': '#!/bin/sh\nf() { :; }\n' })).toHaveLength(2);
    expect(
      plan({ '/r/a/run.sh': '#!/bin/sh\n. ./lib.sh\n', '/r/a/lib.sh': 'f() { :; }\n', '/r/b/run.sh': '#!/bin/sh\n. ./lib.sh\n', '/r/b/lib.sh': 'g() { :; }\n' }),
    ).toHaveLength(2);
  });

  it('joins the files of a declared project with the compose file that declares it', () => {
    const spec = { '/r/a/compose.yaml': 'services: {}\n', '/r/b/compose.yaml': 'services: {}\n', '/r/c/compose.yaml': 'services: {}\n' };
    expect(plan(spec)).toHaveLength(3);
    expect(plan(spec, { declared: [{ by: '/r/a/compose.yaml', files: ['/r/a/compose.yaml', '/r/b/compose.yaml'] }] })).toEqual([
      ['/r/a/compose.yaml', '/r/b/compose.yaml'],
      ['/r/c/compose.yaml'],
    ]);
  });

  it('makes one group when asked to', () => {
    expect(plan({ '/r/a/x.sh': '', '/r/b/y.sh': '' }, { single: true })).toHaveLength(1);
  });
});

describe('planning with variables, container paths and evidence', () => {
  const files = (spec: Spec): PlannedFile[] =>
    Object.keys(spec)
      .sort()
      .map((p) => ({ path: p, kind: /compose[^/]*\.ya?ml$/.test(p) ? 'compose' : /Dockerfile[^/]*$/.test(p) ? 'dockerfile' : 'shell' }));
  const groups = (spec: Spec, extra: Partial<Parameters<typeof planGroups>[0]> = {}) =>
    planGroups({ files: files(spec), textOf: (p) => spec[p], ...extra }).map((g) => g.map((f) => f.path));

  it('follows a build path made of variables through the .env beside the compose file and the defaults, and only there', () => {
    const spec = {
      '/r/a/compose.yaml': 'services:\n  x:\n    build:\n      context: ${DIR}\n',
      '/r/b/Dockerfile': 'FROM x\n',
      '/r/c/Dockerfile': 'FROM y\n',
    };
    // Unset: compose would follow no path, and the run is no longer one group.
    expect(groups(spec)).toHaveLength(3);
    expect(groups(spec, { dotenvOf: (d) => (d === '/r/a' ? 'DIR=../b\n' : undefined) })).toEqual([['/r/a/compose.yaml', '/r/b/Dockerfile'], ['/r/c/Dockerfile']]);
    expect(groups({ ...spec, '/r/a/compose.yaml': 'services:\n  x:\n    build:\n      context: ${DIR:-../c}\n' })).toEqual([['/r/a/compose.yaml', '/r/c/Dockerfile'], ['/r/b/Dockerfile']]);
    expect(groups({ ...spec, '/r/a/compose.yaml': 'services:\n  x:\n    build:\n      context: ${BASE}/c\n' }, { dotenvOf: () => 'BASE=..\n' })).toEqual([
      ['/r/a/compose.yaml', '/r/c/Dockerfile'],
      ['/r/b/Dockerfile'],
    ]);
  });

  it('does not take a container path above the file (`target: /r`, `working_dir: /r`) for a host path, but a bind mount or context there', () => {
    const other = { '/r/x/y/Dockerfile': 'FROM x\n' };
    expect(groups({ '/r/a/compose.yaml': 'services:\n  x:\n    working_dir: /r\n    volumes:\n      - type: tmpfs\n        target: /r\n', ...other })).toHaveLength(2);
    expect(groups({ '/r/a/compose.yaml': 'services:\n  x:\n    volumes:\n      - /r:/src\n', ...other })).toHaveLength(1);
    expect(groups({ '/r/a/compose.yaml': 'services:\n  x:\n    build:\n      context: /r\n', ...other })).toHaveLength(1);
  });

  it('joins what the repository runs together', () => {
    const spec = { '/r/a/compose.yaml': 'services: {}\n', '/r/b/compose.extra.yaml': 'services: {}\n', '/r/c/Dockerfile': 'FROM x\n', '/r/d/run.sh': '#!/bin/sh\n' };
    expect(groups(spec)).toHaveLength(4);
    expect(groups(spec, { together: [{ files: ['/r/a/compose.yaml', '/r/b/compose.extra.yaml', '/r/d/run.sh'] }] })).toEqual([
      ['/r/a/compose.yaml', '/r/b/compose.extra.yaml', '/r/d/run.sh'],
      ['/r/c/Dockerfile'],
    ]);
    expect(groups(spec, { together: [{ files: ['/r/d/run.sh'], folders: ['/r/c'] }] })).toEqual([['/r/a/compose.yaml'], ['/r/b/compose.extra.yaml'], ['/r/c/Dockerfile', '/r/d/run.sh']]);
  });
});
