import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../helpers/edits.js';
import { brief, findings, FIXTURES } from '../../helpers/lint.js';

const RULE = 'shell/no-password-argument';
const FILE = 'shell/no-password-argument/bad/ci-build.sh';
const WHY = 'puts the password on the command line, where process lists, shell history and CI logs can read it; pipe it in with --password-stdin';

describe(RULE, () => {
  it('reports -p / --password of docker login and helm registry login (the GitLab CI job of seed 001)', async () => {
    const found = await findings(RULE, [FILE]);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${FILE}:4:35-4:59 ${RULE} docker login -p ${WHY}`,
      `${FILE}:7:32-7:50 ${RULE} docker login --password ${WHY}`,
      `${FILE}:8:28-8:44 ${RULE} helm registry login -p ${WHY}`,
    ]);
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });

  it('never shows the password', async () => {
    const found = await findings(RULE, [FILE]);
    expect(JSON.stringify(found)).not.toContain('hunter2');
  });

  it('suggests --password-stdin fed from the same variable', async () => {
    const [first] = await findings(RULE, [FILE]);
    expect(first!.fix).toBeUndefined();
    const text = applyEdits(readFileSync(path.join(FIXTURES, FILE), 'utf8'), first!.suggestions![0]!.edits);
    expect(text.split('\n')[3]).toBe(
      `printf '%s\\n' "$CI_REGISTRY_PASSWORD" | docker login -u $CI_REGISTRY_USER --password-stdin $CI_REGISTRY`,
    );
  });

  it('runs on RUN bodies: -p on the third line of a RUN', async () => {
    const found = await findings(RULE, ['shell/no-password-argument/bad/Dockerfile']);
    expect(found.map(brief)).toEqual(['shell/no-password-argument/bad/Dockerfile:5:7-5:37 shell/no-password-argument']);
  });

  it('reports passwords and tokens written into mysqldump, curl -u and an Authorization header, and marks them as secrets', async () => {
    const file = 'shell/no-password-argument/bad/db-backup.sh';
    const text = readFileSync(path.join(FIXTURES, file), 'utf8');
    const found = await findings(RULE, [file]);
    const written = 'on the command line, where process lists, shell history and CI logs can read it; read it from a file or the environment instead';
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${file}:3:18-3:31 ${RULE} mysqldump -p puts a password ${written}`,
      `${file}:4:14-4:32 ${RULE} curl -u puts a password ${written}`,
      `${file}:5:14-5:56 ${RULE} curl -H Authorization puts a credential ${written}`,
    ]);
    expect(found.map((d) => d.secrets!.map((s) => text.slice(s.start, s.end)))).toEqual([['example_123'], ['example_123'], ['abc123def456ghi789']]);
  });

  it('accepts --password-stdin, interactive login and the -p of other subcommands', async () => {
    expect(await findings(RULE, ['shell/no-password-argument/good'])).toEqual([]);
  });
});
