import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../src/parse/dockerfile/document.js';
import {
  cacheMountFor,
  keyValues,
  downloadCommand,
  packageCommand,
  packageCommands,
  runInstructions,
  userAddCommand,
} from '../../../src/parse/dockerfile/packages.js';
import { flattenCommands, getShellParser } from '../../../src/parse/shell/index.js';
import { createSourceFile } from '../../../src/core/source.js';
import { parse } from '../shell/helpers.js';

async function pkgs(script: string) {
  const doc = await parse(script);
  return packageCommands(flattenCommands(doc.commands));
}

const summary = (p: NonNullable<ReturnType<typeof packageCommand>>) => ({
  manager: p.manager,
  action: p.action,
  sub: p.subcommand,
  packages: p.packages.map((a) => (a.version === undefined ? a.name : `${a.name}@@${a.version}`)),
});

describe('packageCommand', () => {
  it('reads apt-get with options before the subcommand, option values and versions', async () => {
    const [p] = await pkgs('sudo -E apt-get -o Dpkg::Options::=--force-confold -qy install --no-install-recommends curl=8.5.0-2 "libpq-$V=$PV" ./x.deb');
    expect(summary(p!)).toEqual({ manager: 'apt-get', action: 'install', sub: 'install', packages: ['curl@@8.5.0-2', 'libpq-$V@@$PV', './x.deb'] });
    expect(p!.hasFlag('-y')).toBe(true);
    expect(p!.hasFlag('--no-install-recommends')).toBe(true);
    expect(p!.packages.map((a) => [a.dynamic, a.local])).toEqual([[false, false], [true, false], [false, true]]);
  });

  it('normalises actions across managers', async () => {
    const found = await pkgs(
      [
        'apt-get update',
        'apt dist-upgrade -y',
        'apk --no-cache add --virtual .deps gcc musl-dev',
        'apk del .deps',
        'yum makecache',
        'dnf -y update',
        'microdnf install -y shadow-utils-4.9',
        'zypper -n in "curl>=8"',
        'zypper ref',
        'npm ci --omit dev',
        'npm i -g typescript@5.4.5 @scope/x@^1',
        'yarn',
        'yarn global add serve@14',
        'pnpm install --frozen-lockfile',
        'gem install bundler -v 2.5.6',
        'go install -ldflags "-s" golang.org/x/tools/gopls@v0.15.3',
        'npm cache clean --force',
        'npm config set strict-ssl false',
        'dnf group install "Development Tools"',
      ].join('\n'),
    );
    expect(found.map(summary)).toEqual([
      { manager: 'apt-get', action: 'update-index', sub: 'update', packages: [] },
      { manager: 'apt', action: 'upgrade', sub: 'dist-upgrade', packages: [] },
      { manager: 'apk', action: 'install', sub: 'add', packages: ['gcc', 'musl-dev'] },
      { manager: 'apk', action: 'remove', sub: 'del', packages: ['.deps'] },
      { manager: 'yum', action: 'update-index', sub: 'makecache', packages: [] },
      { manager: 'dnf', action: 'upgrade', sub: 'update', packages: [] },
      { manager: 'microdnf', action: 'install', sub: 'install', packages: ['shadow-utils@@4.9'] },
      { manager: 'zypper', action: 'install', sub: 'in', packages: ['curl@@>=8'] },
      { manager: 'zypper', action: 'update-index', sub: 'ref', packages: [] },
      { manager: 'npm', action: 'install', sub: 'ci', packages: [] },
      { manager: 'npm', action: 'install', sub: 'i', packages: ['typescript@@5.4.5', '@scope/x@@^1'] },
      { manager: 'yarn', action: 'install', sub: undefined, packages: [] },
      { manager: 'yarn', action: 'install', sub: 'add', packages: ['serve@@14'] },
      { manager: 'pnpm', action: 'install', sub: 'install', packages: [] },
      { manager: 'gem', action: 'install', sub: 'install', packages: ['bundler'] },
      { manager: 'go', action: 'install', sub: 'install', packages: ['golang.org/x/tools/gopls@@v0.15.3'] },
      { manager: 'npm', action: 'clean', sub: 'cache', packages: [] },
      { manager: 'npm', action: 'config', sub: 'config', packages: [] },
      { manager: 'dnf', action: 'install', sub: 'install', packages: ['Development Tools'] },
    ]);
    expect(found[10]!.global).toBe(true);
    expect(found[12]!.global).toBe(true);
    expect(found[14]!.flagValues('-v').map((v) => v.value)).toEqual(['2.5.6']);
  });

  it('reads pip, pip3 and python -m pip, leaving requirement files out of the packages', async () => {
    const found = await pkgs('pip3 install --no-cache-dir -r requirements.txt "flask==3.0.2" \'uvicorn[standard]>=0.29\' .\npython3 -m pip install -U pip\nxargs pip install\npython app.py');
    expect(found.map(summary)).toEqual([
      { manager: 'pip', action: 'install', sub: 'install', packages: ['flask@@==3.0.2', 'uvicorn[standard]@@>=0.29', '.'] },
      { manager: 'pip', action: 'install', sub: 'install', packages: ['pip'] },
      { manager: 'pip', action: 'install', sub: 'install', packages: [] },
    ]);
    expect(found[0]!.flagValues('-r', '--requirement').map((v) => v.value)).toEqual(['requirements.txt']);
    expect(found[1]!.toolWord.raw).toBe('pip');
  });

  it('finds commands inside sh -c scripts', async () => {
    const found = await pkgs(`su -c "apk add curl" && bash -c 'apt-get install -y git'`);
    expect(found.map((p) => p.manager)).toEqual(['apt-get']);
  });
});

describe('downloadCommand and userAddCommand', () => {
  it('reads curl and wget', async () => {
    const doc = await parse('curl -fsSLk -o /tmp/x https://a.example/x\nwget -qO- --no-check-certificate https://b.example | sh\ncurl https://c.example');
    const [a, b, c] = doc.commands.map(downloadCommand).filter((d) => d !== undefined);
    expect([a!.insecure?.raw, a!.output?.value, a!.toStdout, a!.failsOnHttpError, a!.urls.map((u) => u.value)]).toEqual([
      '-fsSLk',
      '/tmp/x',
      false,
      true,
      ['https://a.example/x'],
    ]);
    expect([b!.insecure?.raw, b!.toStdout]).toEqual(['--no-check-certificate', true]);
    expect([c!.insecure, c!.toStdout, c!.failsOnHttpError]).toEqual([undefined, true, false]);
  });

  it('reads useradd and adduser', async () => {
    const doc = await parse('useradd -l -u 100000 -g app -m app\nadduser -D -u 1000 -G app app');
    const [a, b] = doc.commands.map(userAddCommand);
    expect([a!.user?.value, a!.uid?.value, a!.noLogInit]).toEqual(['app', '100000', true]);
    expect([b!.tool, b!.user?.value, b!.uid?.value]).toEqual(['adduser', 'app', '1000']);
  });
});

describe('runInstructions', () => {
  it('lists RUN and ONBUILD RUN with their commands and cache mounts', async () => {
    const shell = await getShellParser();
    const text = 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache pip install x\nONBUILD RUN apk add curl\nRUN ["echo", "x"]\n';
    const doc = parseDockerfile(createSourceFile({ path: '/x/Dockerfile', relPath: 'Dockerfile', kind: 'dockerfile', text }), shell);
    const runs = runInstructions(doc);
    expect(runs.map((r) => [r.instruction.keyword, r.onbuild, r.commands.map((c) => c.name)])).toEqual([
      ['RUN', false, ['pip']],
      ['ONBUILD', true, ['apk']],
      ['RUN', false, []],
    ]);
    expect(cacheMountFor(runs[0]!, '/root/.cache/pip')?.target).toBe('/root/.cache');
    expect(cacheMountFor(runs[0]!, '/var/cache/apk')).toBeUndefined();
  });

  it('reads the NAME=value pairs of ENV and ARG with their offsets', async () => {
    const shell = await getShellParser();
    const text = 'ARG TOKEN\nFROM alpine:3.20\nENV A=1 B="x y"\nENV LEGACY some value\n';
    const doc = parseDockerfile(createSourceFile({ path: '/x/Dockerfile', relPath: 'Dockerfile', kind: 'dockerfile', text }), shell);
    const pairs = doc.instructions.filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG').flatMap((i) => keyValues(i));
    expect(pairs.map((p) => [p.name, p.value, text.slice(p.nameSpan.start, p.nameSpan.end)])).toEqual([
      ['TOKEN', undefined, 'TOKEN'],
      ['A', '1', 'A'],
      ['B', 'x y', 'B'],
      ['LEGACY', 'some value', 'LEGACY'],
    ]);
  });
});
