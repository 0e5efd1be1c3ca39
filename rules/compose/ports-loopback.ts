import {
  appendToMap,
  bindsEveryInterface,
  checkEnvironments,
  dataServiceImages,
  dataServiceOf,
  defineRule,
  fixIn,
  innerRange,
  isMap,
  isScalar,
  mayRunInProduction,
  portNode,
  portsOf,
  rangeText,
  replaceNode,
  svc,
  type PortSpec,
  type SourceFile,
  type TextEdit,
  type YNode,
} from '../kit/index.js';

const LOOPBACK = '127.0.0.1';

export default defineRule<'compose', { all: boolean }>({
  meta: {
    id: 'compose/ports-loopback',
    kind: 'compose',
    category: 'network',
    severity: 'warning',
    fix: 'unsafe',
    summary: 'Published ports of data services (or of every service, with `all`) bind an explicit host address, not every interface',
    options: {
      type: 'object',
      properties: { all: { type: 'boolean', default: false } },
      additionalProperties: false,
    },
    compat: { dclint: ['no-unbound-port-interfaces'], kics: ['container-traffic-not-bound-to-host-interface'] },
    recommended: false,
    tags: ['security'],
    securitySeverity: 6.0,
  },
  check(ctx) {
    checkEnvironments(ctx.project, ctx.report, (project, report) => {
      const images = dataServiceImages(ctx.settings);
      const seen = new Set<YNode>();
      for (const service of project.services) {
        const data = dataServiceOf(project, service, images);
        if (!data && !ctx.options.all) continue;
        for (const port of portsOf(project, service)) {
          if (!port.certain || !bindsEveryInterface(port.hostIp) || seen.has(port.node)) continue;
          seen.add(port.node);
          const what = port.published ? `port ${rangeText(port.published)}` : port.target ? `container port ${rangeText(port.target)} (on a random host port)` : 'a port';
          const who = data ? `${svc(service.name)} runs ${data.family} and publishes` : `${svc(service.name)} publishes`;
          const edit = loopbackEdit(ctx.file, port);
          report({
            node: portNode(port),
            message: `${who} ${what} on every interface, so anything that can reach the host can reach it; bind it to ${LOOPBACK} (or another explicit address)`,
            ...(edit ? { fix: fixIn(port.node, `bind to ${LOOPBACK}`, [edit]) } : {}),
          });
        }
      }
    }, ['compose/ports-loopback', ctx.options, ctx.settings], (env) => mayRunInProduction(env, ctx.settings));
  },
});

function loopbackEdit(file: SourceFile, port: PortSpec): TextEdit | undefined {
  const node = port.node;
  if (port.long) {
    if (port.hostIpNode) return replaceNode(port.hostIpNode, LOOPBACK);
    return isMap(node) ? appendToMap(file, node, () => [`host_ip: ${LOOPBACK}`]) : undefined;
  }
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'number') return replaceNode(node, `"${LOOPBACK}::${node.value}"`);
  const raw = String(node.value);
  const start = innerRange(node, 0, 0);
  if (start.start === node.start && start.end === node.end && raw !== '') return undefined; // not written verbatim
  const wildcard = /^(?:0\.0\.0\.0|\[::\]):/.exec(raw);
  if (wildcard) return { start: start.start, end: start.start + wildcard[0].length - 1, text: LOOPBACK };
  if (port.hostIp !== undefined) return undefined;
  return { start: start.start, end: start.start, text: port.published ? `${LOOPBACK}:` : `${LOOPBACK}::` };
}
