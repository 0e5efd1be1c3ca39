import { describe, it } from 'vitest';
import scaleConsistency from '../../../rules/compose/scale-consistency.js';
import { RuleTester } from '../../../src/testing.js';

const REFUSED = 'compose refuses two different values for the same setting';

describe('compose/scale-consistency', () => {
  it('reports legacy settings that disagree with deploy, at the later value, in the layer that causes it', async () => {
    await new RuleTester(scaleConsistency).run({
      invalid: [
        {
          filename: 'compose.yaml',
          code: `services:
  web:
    image: nginx:1.27
    scale: 2
    cpus: 0.5
    mem_limit: 512m
    deploy:
      replicas: 3
      resources:
        limits:
          cpus: "1"
          memory: 512M
`,
          files: { 'compose.prod.yaml': 'services:\n  web:\n    mem_limit: 1g\n' },
          errors: [
            { file: 'compose.prod.yaml', line: 3, column: 16, endLine: 3, endColumn: 18, message: `service "web" sets mem_limit "1g" but deploy.resources.limits.memory "512M"; ${REFUSED}` },
            { line: 8, column: 17, endLine: 8, endColumn: 18, message: `service "web" sets scale 2 but deploy.replicas 3; ${REFUSED}` },
            { line: 11, column: 17, endLine: 11, endColumn: 20, message: `service "web" sets cpus 0.5 but deploy.resources.limits.cpus 1; ${REFUSED}` },
          ],
        },
      ],
    });
  });

  it('compares numbers and memory sizes by value and leaves unknown values alone', async () => {
    await new RuleTester(scaleConsistency).run({
      valid: [
        `services:
  web:
    image: nginx:1.27
    scale: 2
    cpus: 0.50
    mem_limit: 1024m
    deploy:
      replicas: 2
      resources:
        limits:
          cpus: "0.5"
          memory: 1g
  api:
    image: shop/api:2.0.1
    deploy:
      replicas: \${API_REPLICAS:-2}
    scale: \${API_SCALE}
`,
      ],
    });
  });
});
