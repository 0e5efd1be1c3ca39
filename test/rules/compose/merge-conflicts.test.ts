import { describe, it } from 'vitest';
import mergeConflicts from '../../../rules/compose/merge-conflicts.js';
import { RuleTester } from '../../../src/testing.js';

describe('compose/merge-conflicts', () => {
  it('reports a setting whose type changes between layered files, in the later file', async () => {
    await new RuleTester(mergeConflicts).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  trainer:\n    image: shop/trainer:1.0.0\n    gpus: all\nx-limits:\n  cpus: "1"\n',
          files: { 'compose.override.yaml': 'services:\n  trainer:\n    gpus:\n      - driver: nvidia\n        count: 1\nx-limits: "2"\n' },
          errors: [
            {
              file: 'compose.override.yaml',
              line: 3,
              column: 5,
              endLine: 3,
              endColumn: 9,
              message: 'services.trainer.gpus is a list here but a single value in compose.yaml:4; compose cannot merge the two, so this value replaces the other',
            },
            {
              file: 'compose.override.yaml',
              line: 6,
              column: 1,
              endLine: 6,
              endColumn: 9,
              message: 'x-limits is a single value here but a mapping in compose.yaml:6; compose cannot merge the two, so this value replaces the other',
            },
          ],
        },
      ],
    });
  });

  it('accepts the short and long forms compose converts between', async () => {
    await new RuleTester(mergeConflicts).run({
      valid: [
        {
          filename: 'compose.yaml',
          code: 'services:\n  web:\n    build: ./web\n    environment:\n      LOG_LEVEL: info\n    depends_on: [api]\n    dns: 8.8.8.8\n  api:\n    image: shop/api:2.0.1\n',
          files: {
            'compose.override.yaml':
              'services:\n  web:\n    build:\n      context: ./web\n      target: dev\n    environment:\n      - LOG_LEVEL=debug\n    depends_on:\n      api:\n        condition: service_started\n    dns: [1.1.1.1]\n',
          },
        },
      ],
    });
  });
});
