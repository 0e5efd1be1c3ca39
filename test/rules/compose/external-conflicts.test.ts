import { describe, expect, it } from 'vitest';
import externalConflicts from '../../../rules/compose/external-conflicts.js';
import { RuleTester } from '../../../src/testing.js';
import { brief, findings } from '../../helpers/lint.js';

const RULE = 'compose/external-conflicts';

describe(RULE, () => {
  it('reports creation keys on an external volume, and a driver a later file adds to an external network', async () => {
    const found = await findings(RULE, ['compose/external-conflicts/bad']);
    expect(found.map((d) => `${brief(d)} ${d.message}`)).toEqual([
      `compose/external-conflicts/bad/docker-compose.ci.yml:4:5-4:11 ${RULE} network "proxy" sets driver and external: true (external at docker-compose.yml:9); compose refuses the two together, since an external network is created outside the project: drop driver, or set external: false to let compose create it`,
      `compose/external-conflicts/bad/docker-compose.yml:13:5-13:16 ${RULE} volume "venv_shared" sets driver_opts and external: true (external at line 12); compose refuses the two together, since an external volume is created outside the project: drop driver_opts, or set external: false to let compose create it`,
    ]);
  });

  it('accepts name and extensions on an external network, and a later file that turns external off', async () => {
    expect(await findings(RULE, ['compose/external-conflicts/good'])).toEqual([]);
  });

  it('leaves external: false and a string "true" alone, and reports each key at the key itself in one file', async () => {
    await new RuleTester(externalConflicts).run({
      valid: [
        'networks:\n  proxy:\n    external: false\n    driver: bridge\n',
        'volumes:\n  data:\n    external: "${EXTERNAL}"\n    driver: local\n',
      ],
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'networks:\n  proxy:\n    driver: bridge\n    labels: [team=web]\n    external: true\n',
          errors: [
            { line: 3, column: 5, message: /^network "proxy" sets driver and external: true \(external at line 5\)/ },
            { line: 4, column: 5, message: /^network "proxy" sets labels and external: true/ },
          ],
        },
      ],
    });
  });
});
