import { checkEnvironments, defineRule, isScalar, isSeq, laterOf } from '../kit/index.js';

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/network-mode-conflicts',
    kind: 'compose',
    category: 'correctness',
    severity: 'error',
    fix: 'none',
    summary: '`network_mode` is not combined with `networks`, nor with published ports it would discard',
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      for (const service of project.services) {
        const modePair = service.node.pair('network_mode');
        if (!modePair || !isScalar(modePair.value) || modePair.value.value === null) continue;
        const mode = project.valueOf(modePair.value);
        if (mode === undefined) continue;
        const networks = service.node.pair('networks');
        if (networks && !(isScalar(networks.value) && networks.value.value === null)) {
          report({
            node: laterOf(project, networks.keyNode, modePair.keyNode),
            message: `service "${service.name}" sets both network_mode ("${mode}") and networks; compose refuses them together`,
          });
        }
        const ports = service.node.pair('ports');
        const published = ports && isSeq(ports.value) ? ports.value.items.length : 0;
        if (!ports || !published) continue;
        if (mode === 'host') {
          report({
            node: laterOf(project, ports.keyNode, modePair.keyNode),
            message: `service "${service.name}" publishes ports with network_mode "host", where they are discarded: the container already uses the host's ports`,
          });
        } else if (mode === 'none' || /^(?:service|container):/.test(mode)) {
          report({
            node: laterOf(project, ports.keyNode, modePair.keyNode),
            message: `service "${service.name}" publishes ports with network_mode "${mode}"; Docker refuses to publish ports for a container without its own network`,
          });
        }
      }
    });
  },
});
