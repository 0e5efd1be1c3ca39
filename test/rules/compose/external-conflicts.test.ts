import { describe, it } from 'vitest';
import externalConflicts from '../../../rules/compose/external-conflicts.js';
import { RuleTester } from '../../../src/testing.js';

const RULE = 'compose/external-conflicts';

describe(RULE, () => {
  it('reports creation keys on an external volume, and a driver a later file adds to an external network', async () => {
    await new RuleTester(externalConflicts).run({
      invalid: [
        {
          filename: 'docker-compose.yml',
          code: [
            'services:',
            '  api:',
            '    image: ichrisbirch/api:1.0.0',
            '    networks: [proxy]',
            '    volumes:',
            '      - venv_shared:/app/.venv',
            'networks:',
            '  proxy:',
            '    external: true',
            'volumes:',
            '  venv_shared:',
            '    external: true',
            '    driver_opts:',
            '      type: tmpfs',
            '      device: tmpfs',
            '',
          ].join('\n'),
          // Creates the proxy network in CI, where nothing made it beforehand.
          files: { 'docker-compose.ci.yml': 'networks:\n  proxy:\n    driver: bridge\n' },
          errors: [
            {
              file: 'docker-compose.ci.yml',
              line: 3,
              column: 5,
              endLine: 3,
              endColumn: 11,
              message: `network "proxy" sets driver and external: true (external at docker-compose.yml:9); compose refuses the two together, since an external network is created outside the project: drop driver, or set external: false to let compose create it`,
            },
            {
              line: 13,
              column: 5,
              endLine: 13,
              endColumn: 16,
              message: `volume "venv_shared" sets driver_opts and external: true (external at line 12); compose refuses the two together, since an external volume is created outside the project: drop driver_opts, or set external: false to let compose create it`,
            },
          ],
        },
      ],
    });
  });

  it('accepts name and extensions on an external network, and a later file that turns external off', async () => {
    await new RuleTester(externalConflicts).run({
      valid: [
        {
          filename: 'docker-compose.yml',
          code: 'services:\n  api:\n    image: ichrisbirch/api:1.0.0\n    networks: [proxy]\nnetworks:\n  proxy:\n    external: true\n    name: proxy\n    x-note: created by the traefik stack\n',
          files: { 'docker-compose.ci.yml': 'networks:\n  proxy:\n    external: false  # Create internally instead of expecting external\n    driver: bridge\n' },
        },
      ],
    });
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
