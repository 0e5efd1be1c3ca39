import { describe, expect, it } from 'vitest';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'stack/script-scale-conflicts';

describe(RULE, () => {
  it('reports --scale on a service with a container_name or fewer host ports than containers, at the --scale value', async () => {
    const found = await findings(RULE, ['stack/script-scale-conflicts/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `stack/script-scale-conflicts/bad/deploy.sh:4:30-4:39 ${RULE} docker-compose up --scale backend=3 starts 3 containers of "backend", but it publishes host port 8000 (docker-compose.yml:6), which only one container can bind; publish a range of 3 ports or only the container port`,
      `stack/script-scale-conflicts/bad/deploy.sh:4:30-4:39 ${RULE} docker-compose up --scale backend=3 starts 3 containers of "backend", but it sets container_name (docker-compose.yml:4), and container names are unique: only one can start`,
      `stack/script-scale-conflicts/bad/deploy.sh:5:30-5:38 ${RULE} docker compose up --scale worker=3 starts 3 containers of "worker", but it publishes host port 9100-9101 (docker-compose.yml:10), which only 2 containers can bind; publish a range of 3 ports or only the container port`,
    ]);
  });

  it('accepts services without fixed names or ports, enough ports, a scale of one and counts it cannot read', async () => {
    expect(await findings(RULE, ['stack/script-scale-conflicts/good'])).toEqual([]);
  });
});
