import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'stack/script-compose-refs';

describe(RULE, () => {
  it('reports a misspelt service at the service word, a compose file that does not exist and a profile no service has', async () => {
    const found = await findings(RULE, ['stack/script-compose-refs/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      // No -f: the files COMPOSE_FILE in the folder's .env names.
      `stack/script-compose-refs/bad/compose-file/start.sh:3:26-3:32 ${RULE} docker compose up names the service "wroker", which compose.yaml + compose.jobs.yaml do not define; did you mean "worker"?`,
      `stack/script-compose-refs/bad/deadtrees/scripts/dev.sh:5:49-5:57 ${RULE} docker-compose logs names the service "api-tset", which docker-compose.test.yaml does not define; did you mean "api-test"?`,
      `stack/script-compose-refs/bad/deadtrees/scripts/dev.sh:6:19-6:44 ${RULE} docker compose -f names "docker-compose.tests.yaml", which does not exist next to the script or in the folders above it; did you mean "docker-compose.test.yaml"?`,
      `stack/script-compose-refs/bad/deadtrees/scripts/dev.sh:7:54-7:58 ${RULE} docker compose --profile "gpus" enables nothing: no service of docker-compose.test.yaml is in that profile; did you mean "gpu"?`,
      `stack/script-compose-refs/bad/deadtrees/scripts/dev.sh:8:57-8:63 ${RULE} docker compose exec names the service "nginxx", which docker-compose.test.yaml does not define; did you mean "nginx"?`,
    ]);
  });

  it('reports the typo when only the script is linted (a pre-commit hook names it)', async () => {
    const found = await findings(RULE, ['stack/script-compose-refs/bad/deadtrees/scripts/dev.sh']);
    expect(found.map(brief)[0]).toBe(`stack/script-compose-refs/bad/deadtrees/scripts/dev.sh:5:49-5:57 ${RULE}`);
  });

  it('accepts services after options, the default project with its override or the files of COMPOSE_FILE, dynamic names and options it cannot read', async () => {
    expect(await findings(RULE, ['stack/script-compose-refs/good'])).toEqual([]);
  });
});
