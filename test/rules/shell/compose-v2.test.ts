import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';
import { fixAll, lintText } from './relint.js';

const RULE = 'shell/compose-v2';

describe(RULE, () => {
  it('reports docker-compose in scripts (the commands of seed 000)', async () => {
    const found = await findings(RULE, ['shell/compose-v2/bad/inspect.sh']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual(
      [6, 9, 12].map(
        (line) =>
          `shell/compose-v2/bad/inspect.sh:${line}:1-${line}:15 shell/compose-v2 \`docker-compose\` is Compose v1, which reached end of life in 2023; use the Compose v2 plugin, \`docker compose\``,
      ),
    );
    expect(found.every((d) => d.fix?.safety === 'unsafe')).toBe(true);
  });

  it('fixes to docker compose, keeping the arguments, and the result is clean', async () => {
    const { text } = await fixAll(RULE, 'shell/compose-v2/bad/inspect.sh');
    expect(text.split('\n').filter((l) => l.includes('compose -f'))).toEqual([
      'docker compose -f docker-compose.test.yaml ps',
      'docker compose -f docker-compose.test.yaml logs api-test',
      'docker compose -f docker-compose.test.yaml exec api-test bash',
    ]);
    expect((await lintText('shell/compose-v2/bad/inspect.sh', text)).filter((d) => d.ruleId === RULE)).toEqual([]);
  });

  it('runs on RUN bodies: the command on the second line of a RUN, not the package name', async () => {
    const found = await findings(RULE, ['shell/compose-v2/bad/Dockerfile']);
    expect(found.map(brief)).toEqual(['shell/compose-v2/bad/Dockerfile:3:5-3:19 shell/compose-v2']);
    const { text } = await fixAll(RULE, 'shell/compose-v2/bad/Dockerfile');
    expect(text.split('\n')[2]).toBe(' && docker compose version');
  });

  it('accepts docker compose and mentions of docker-compose that do not run it', async () => {
    expect(await findings(RULE, ['shell/compose-v2/good'])).toEqual([]);
  });
});
