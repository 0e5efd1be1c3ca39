import { defineRule } from '../../src/engine/define.js';
import { portNode, portsOf, rangeSize, rangeText } from '../../src/parse/compose/policy/ports.js';
import { replicasOf } from '../../src/parse/compose/policy/services.js';
import { svc } from '../../src/parse/compose/policy/values.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/scaling-conflicts',
    kind: 'compose',
    category: 'runtime',
    severity: 'error',
    fix: 'none',
    summary: 'Services that run several replicas have no fixed container name and no host port too few for every replica',
  },
  check(ctx) {
    const compose = ctx.compose; // merged project view: ctx.project
    for (const service of compose.services) {
      const replicas = replicasOf(compose, service);
      if (!replicas || replicas.count <= 1) continue;
      const n = replicas.count;
      const name = service.get('container_name');
      if (name !== undefined) {
        ctx.report({
          node: name,
          message: `${svc(service.name)} runs ${n} replicas but sets container_name, and container names are unique: only one replica can start`,
        });
      }
      for (const port of portsOf(compose, service)) {
        if (!port.certain || !port.published || rangeSize(port.published) >= n) continue;
        ctx.report({
          node: portNode(port),
          message: `${svc(service.name)} runs ${n} replicas but publishes host port ${rangeText(port.published)}, which only ${rangeSize(port.published) === 1 ? 'one replica' : `${rangeSize(port.published)} replicas`} can bind; publish a range of ${n} ports or let Compose pick them (only the container port)`,
        });
      }
    }
  },
});
