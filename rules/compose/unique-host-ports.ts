import {
  bindsEveryInterface,
  canRunTogether,
  defineRule,
  locate,
  portNode,
  portsOf,
  rangeText,
  svc,
  type ComposeService,
  type PortSpec,
} from '../kit/index.js';

interface Published {
  service: ComposeService;
  port: PortSpec;
}

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/unique-host-ports',
    kind: 'compose',
    category: 'network',
    severity: 'error',
    fix: 'none',
    summary: 'No host port is published twice (per protocol and address, ranges included)',
    scope: 'environment',
    compat: { dclint: ['no-duplicate-exported-ports'] },
  },
  check(ctx) {
    const { project, report } = ctx;
    // Earlier ports by protocol and port number (ranges expanded), so each lookup is cheap.
    const byPort = new Map<string, Published[]>();
    const wide: Published[] = [];
    const candidates = (p: PortSpec): Published[] => {
      if (p.published!.end - p.published!.start > 1024) return [...wide, ...[...byPort.values()].flat()];
      const out = [...wide];
      for (let n = p.published!.start; n <= p.published!.end; n++) out.push(...(byPort.get(`${p.protocol}/${n}`) ?? []));
      return out;
    };
    for (const service of project.services) {
      for (const port of portsOf(project, service)) {
        if (!port.certain || !port.published) continue;
        const clash = candidates(port).find(
          (e) => e.port !== port && e.port.node !== port.node && canRunTogether(project, e.service, service) && conflicts(e.port, port),
        );
        if (clash) {
          const overlap = {
            start: Math.max(clash.port.published!.start, port.published.start),
            end: Math.min(clash.port.published!.end, port.published.end),
          };
          const owner = clash.service.name === service.name ? 'it already publishes' : `${svc(clash.service.name)} already publishes`;
          report({
            node: portNode(port),
            message: `${svc(service.name)} publishes host port ${rangeText(overlap)}/${port.protocol}, which ${owner} (${locate(clash.port.node, port.node)}); the second container fails to start`,
          });
        }
        const entry = { service, port };
        if (port.published.end - port.published.start > 1024) wide.push(entry);
        else for (let n = port.published.start; n <= port.published.end; n++) {
          const key = `${port.protocol}/${n}`;
          (byPort.get(key) ?? byPort.set(key, []).get(key)!).push(entry);
        }
      }
    }
  },
});

function conflicts(a: PortSpec, b: PortSpec): boolean {
  if (a.protocol !== b.protocol) return false;
  const x = a.published!;
  const y = b.published!;
  if (x.end < y.start || y.end < x.start) return false;
  if (bindsEveryInterface(a.hostIp) || bindsEveryInterface(b.hostIp)) return true;
  return a.hostIp!.replace(/^\[|\]$/g, '') === b.hostIp!.replace(/^\[|\]$/g, '');
}
