import { checkEnvironments, defineRule, locate, portNode, portsOf, rangeSize, rangeText, replicasOf, svc, type YNode } from '../kit/index.js';

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
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      for (const service of project.services) {
        const replicas = replicasOf(project, service);
        if (!replicas || replicas.count <= 1) continue;
        const n = replicas.count;
        // The conflict is reported at the setting it concerns, or at the replica count when a later file adds that.
        const at = (node: YNode): { node: YNode; where: string } =>
          project.layerOf(replicas.node) > project.layerOf(node) ? { node: replicas.node, where: ` (${locate(node, replicas.node)})` } : { node, where: '' };
        const name = service.get('container_name');
        if (name !== undefined) {
          const { node, where } = at(name);
          report({
            node,
            message: `${svc(service.name)} runs ${n} replicas but sets container_name${where}, and container names are unique: only one replica can start`,
          });
        }
        for (const port of portsOf(project, service)) {
          if (!port.certain || !port.published || rangeSize(port.published) >= n) continue;
          const { node, where } = at(portNode(port));
          report({
            node,
            message: `${svc(service.name)} runs ${n} replicas but publishes host port ${rangeText(port.published)}${where}, which only ${rangeSize(port.published) === 1 ? 'one replica' : `${rangeSize(port.published)} replicas`} can bind; publish a range of ${n} ports or let Compose pick them (only the container port)`,
          });
        }
      }
    }, ['compose/scaling-conflicts', ctx.options, ctx.settings]);
  },
});
