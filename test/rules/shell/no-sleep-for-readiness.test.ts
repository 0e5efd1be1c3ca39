import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../helpers/edits.js';
import { brief, findings, FIXTURES } from '../../helpers/lint.js';

const RULE = 'shell/no-sleep-for-readiness';
const FILE = 'shell/no-sleep-for-readiness/bad/ci-start.sh';

describe(RULE, () => {
  it('reports a fixed sleep after up -d (the CI sequence of seed 003)', async () => {
    const found = await findings(RULE, [FILE]);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `${FILE}:7:1-7:9 ${RULE} "sleep 10" after "docker compose up -d" waits a fixed time, not until the services are ready; use "docker compose up -d --wait" with healthchecks`,
      `${FILE}:12:1-12:9 ${RULE} "sleep 30" after "docker compose up -d" waits a fixed time, not until the services are ready; use "docker compose up -d --wait" with healthchecks`,
      `${FILE}:14:31-14:38 ${RULE} "sleep 5" after "docker-compose up --detach" waits a fixed time, not until the services are ready; use "docker compose up -d --wait" with healthchecks`,
    ]);
  });

  it('suggests --wait on the up command, never as an automatic fix', async () => {
    const [first] = await findings(RULE, [FILE]);
    expect(first!.fix).toBeUndefined();
    const text = applyEdits(readFileSync(path.join(FIXTURES, FILE), 'utf8'), first!.suggestions![0]!.edits);
    expect(text.split('\n')[5]).toBe('docker compose -f docker-compose.yml -f docker-compose.ci.yml up -d --wait --build postgres redis');
  });

  it('accepts up --wait, polling loops and sleeps that follow other commands', async () => {
    expect(await findings(RULE, ['shell/no-sleep-for-readiness/good'])).toEqual([]);
  });
});
