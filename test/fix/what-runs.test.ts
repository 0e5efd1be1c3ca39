/**
 * The comparison the safe-fix property rests on (test/helpers/what-runs.ts):
 * it must see every change in what runs, and nothing else.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commandWords, composeModels, dockerfileInstructions, parseDockerfileText, parseShellText } from '../helpers/what-runs.js';

const DIR = mkdtempSync(path.join(os.tmpdir(), 'stack-lint-what-runs-'));
writeFileSync(path.join(DIR, '.env'), 'WEB_PORT=8080\n');
const COMPOSE = path.join(DIR, 'compose.yaml');

async function sameCompose(a: string, b: string): Promise<boolean> {
  const before = await composeModels(DIR, [COMPOSE], new Map([[COMPOSE, a]]));
  const after = await composeModels(DIR, [COMPOSE], new Map([[COMPOSE, b]]));
  expect([...before.keys()]).toEqual(['default: compose.yaml']);
  return isDeepStrictEqual(before, after);
}

const sameDockerfile = async (a: string, b: string) =>
  isDeepStrictEqual(dockerfileInstructions(await parseDockerfileText('/x/Dockerfile', a)), dockerfileInstructions(await parseDockerfileText('/x/Dockerfile', b)));

const sameScript = async (a: string, b: string) => isDeepStrictEqual(commandWords(await parseShellText('/x/run.sh', a)), commandWords(await parseShellText('/x/run.sh', b)));

const BASE = 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 80:80\n      - 443:443\n  db:\n    image: postgres:17\n';

describe('the merged compose model', () => {
  it.each([
    ['quoting a port', BASE.replace('- 80:80', '- "80:80"')],
    ['reordering services', 'services:\n  db:\n    image: postgres:17\n  web:\n    image: nginx:1.27\n    ports:\n      - 80:80\n      - 443:443\n'],
    ['reordering a service\'s keys', BASE.replace('    image: nginx:1.27\n    ports:\n      - 80:80\n      - 443:443\n', '    ports:\n      - 80:80\n      - 443:443\n    image: nginx:1.27\n')],
    ['reordering ports', BASE.replace('- 80:80\n      - 443:443', '- 443:443\n      - 80:80')],
    ['removing the obsolete version', `version: "3.8"\n${BASE}`],
  ])('is the same after %s', async (_what, changed) => {
    expect(await sameCompose(BASE, changed)).toBe(true);
  });

  it('reads a value and its interpolated form alike, and "3" and 3 alike', async () => {
    const a = 'services:\n  a:\n    image: x:1\n    ports: ["8080:80"]\n    cpus: 3\n';
    const b = 'services:\n  a:\n    image: x:1\n    ports: ["${WEB_PORT}:80"]\n    cpus: "3"\n';
    expect(await sameCompose(a, b)).toBe(true);
  });

  const MOUNT = `${BASE}    volumes:\n      - ./certs:/certs\n`;
  const COMMAND = 'services:\n  web:\n    image: nginx:1.27\n    command: [a, b]\n';
  it.each([
    ['a logging driver', BASE, BASE.replace('  db:\n', '    logging:\n      driver: json-file\n  db:\n')],
    ['a read-only mount', MOUNT, MOUNT.replace('/certs\n', '/certs:ro\n')],
    ['another published port', BASE, BASE.replace('- 80:80', '- 8080:80')],
    ['a restart policy', BASE, `${BASE}    restart: unless-stopped\n`],
    ['the order of a command', COMMAND, COMMAND.replace('[a, b]', '[b, a]')],
  ])('changes with %s', async (_what, base, changed) => {
    expect(await sameCompose(base, changed)).toBe(false);
  });
});

describe('the Dockerfile as BuildKit runs it', () => {
  it.each([
    ['keyword case', 'FROM alpine:3.20\nRUN echo hi\n', 'from alpine:3.20\nrun echo hi\n'],
    ['stage name case, declared and used', 'FROM alpine:3.20 as Build\nFROM scratch\nCOPY --from=Build /a /a\nRUN --mount=type=bind,from=Build,target=/b true\n', 'FROM alpine:3.20 AS build\nFROM scratch\nCOPY --from=build /a /a\nRUN --mount=type=bind,from=build,target=/b true\n'],
    ['the protocol case of EXPOSE', 'FROM alpine:3.20\nEXPOSE 80/TCP 53/UDP\n', 'FROM alpine:3.20\nEXPOSE 80/tcp 53/udp\n'],
    ['the legacy ENV form', 'FROM alpine:3.20\nENV GREETING hello  $USER world\nLABEL version 1.0\n', 'FROM alpine:3.20\nENV GREETING="hello  $USER world"\nLABEL version=1.0\n'],
    ['an empty line in a continuation', 'FROM alpine:3.20\nRUN echo a \\\n\n    && echo b\n', 'FROM alpine:3.20\nRUN echo a \\\n    && echo b\n'],
    ['a redundant --platform', 'FROM --platform=$TARGETPLATFORM alpine:3.20\n', 'FROM alpine:3.20\n'],
  ])('is the same after changing %s', async (_what, a, b) => {
    expect(await sameDockerfile(a, b)).toBe(true);
  });

  it.each([
    ['a flag on a command', 'FROM alpine:3.20\nRUN apk add curl\n', 'FROM alpine:3.20\nRUN apk add --no-cache curl\n'],
    ['ADD to COPY', 'FROM alpine:3.20\nADD app.tar /app/\n', 'FROM alpine:3.20\nCOPY app.tar /app/\n'],
    ['the value of an ENV', 'FROM alpine:3.20\nENV GREETING hello  world\n', 'FROM alpine:3.20\nENV GREETING="hello world"\n'],
    ['quotes around an expansion in RUN', 'FROM alpine:3.20\nRUN cp $SRC /dst\n', 'FROM alpine:3.20\nRUN cp "$SRC" /dst\n'],
    ['--platform=$TARGETPLATFORM when a global ARG gives it a default', 'ARG TARGETPLATFORM=linux/arm64\nFROM --platform=$TARGETPLATFORM alpine:3.20\n', 'ARG TARGETPLATFORM=linux/arm64\nFROM alpine:3.20\n'],
    ['an image name that is no stage', 'FROM Alpine:3.20\n', 'FROM alpine:3.20\n'],
    ['the case of an unknown keyword (a YAML file taken for a Dockerfile)', 'FROM alpine:3.20\nCOMMIT=$(git rev-parse HEAD)\n', 'FROM alpine:3.20\ncommit=$(git rev-parse HEAD)\n'],
  ])('changes with %s', async (_what, a, b) => {
    expect(await sameDockerfile(a, b)).toBe(false);
  });
});

describe('the words each shell command receives', () => {
  it('are the same however a static word is quoted', async () => {
    expect(await sameScript("#!/bin/sh\necho 'a b' c\n", '#!/bin/sh\necho "a b" \'c\'\n')).toBe(true);
  });

  it.each([
    ['quotes around an expansion', '#!/bin/sh\nuv pip install ${FLAGS:-} -r req.txt\n', '#!/bin/sh\nuv pip install "${FLAGS:-}" -r req.txt\n'],
    ['another program', '#!/bin/sh\ndocker-compose up -d\n', '#!/bin/sh\ndocker compose up -d\n'],
    ['a command added after ||', '#!/bin/sh\ncd /src\nmake\n', '#!/bin/sh\ncd /src || exit\nmake\n'],
    ['a static word split in two', "#!/bin/sh\necho 'a b'\n", '#!/bin/sh\necho a b\n'],
    ['a redirect target', '#!/bin/sh\necho a > $OUT\n', '#!/bin/sh\necho a > "$OUT"\n'],
  ])('change with %s', async (_what, a, b) => {
    expect(await sameScript(a, b)).toBe(false);
  });
});
