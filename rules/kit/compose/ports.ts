/**
 * Published ports, short and long syntax, after interpolation:
 * `[HOST_IP:][HOST[-HOST]:]CONTAINER[-CONTAINER][/PROTOCOL]`, `[::1]:80:80`,
 * and `{ target, published, host_ip, protocol, mode }`.
 */
import { isMap, isScalar, isSeq, type YMap, type YNode, type YScalar } from '../../../src/parse/yaml/nodes.js';
import { judge, type ComposeView } from '../../../src/parse/compose/values.js';

export interface PortRange {
  start: number;
  end: number;
}

export interface PortSpec {
  /** The list item (a scalar in short syntax, a mapping in long syntax). */
  node: YNode;
  long: boolean;
  /** The host address, `undefined` when none is written (every interface). */
  hostIp: string | undefined;
  /** The node holding the host address in long syntax. */
  hostIpNode: YScalar | undefined;
  /** Published host ports; `undefined` when Compose picks a free one. */
  published: PortRange | undefined;
  target: PortRange | undefined;
  protocol: string;
  /** False when a variable without default is unset or the text does not parse: do not judge it. */
  certain: boolean;
  /** The value after interpolation (short syntax). */
  text: string | undefined;
}

/** The published ports of a service (its `ports` list). */
export function portsOf(view: ComposeView, service: { get(key: string): YNode | undefined }): PortSpec[] {
  const ports = service.get('ports');
  if (!isSeq(ports)) return [];
  const out: PortSpec[] = [];
  for (const item of ports.items) {
    const spec = isMap(item) ? parseLong(view, item) : isScalar(item) ? parseShortNode(view, item) : undefined;
    if (spec) out.push(spec);
  }
  return out;
}

function parseShortNode(view: ComposeView, node: YScalar): PortSpec | undefined {
  if (node.value === null) return undefined;
  const j = judge(view, node)!;
  const parsed = parseShortPort(j.value);
  if (!parsed) return { node, long: false, hostIp: undefined, hostIpNode: undefined, published: undefined, target: undefined, protocol: 'tcp', certain: false, text: j.value };
  return { node, long: false, hostIpNode: undefined, ...parsed, certain: j.certain, text: j.value };
}

export interface ShortPort {
  hostIp: string | undefined;
  published: PortRange | undefined;
  target: PortRange | undefined;
  protocol: string;
}

/** Parses the short syntax; undefined when it is not a port specification. */
export function parseShortPort(text: string): ShortPort | undefined {
  let rest = text.trim();
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1).toLowerCase() || 'tcp';
    rest = rest.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0 || rest[close + 1] !== ':') return undefined;
    hostIp = rest.slice(1, close);
    rest = rest.slice(close + 2);
  }
  const parts = rest.split(':');
  let hostPart: string | undefined;
  let containerPart: string;
  if (hostIp !== undefined) {
    if (parts.length !== 2) return undefined;
    [hostPart, containerPart] = parts as [string, string];
  } else if (parts.length === 1) {
    containerPart = parts[0]!;
  } else if (parts.length === 2) {
    [hostPart, containerPart] = parts as [string, string];
  } else {
    // `ip:host:container`, or an unbracketed IPv6 address in front.
    containerPart = parts[parts.length - 1]!;
    hostPart = parts[parts.length - 2]!;
    hostIp = parts.slice(0, -2).join(':');
  }
  const target = parseRange(containerPart);
  if (!target) return undefined;
  let published: PortRange | undefined;
  if (hostPart !== undefined && hostPart !== '') {
    published = parseRange(hostPart);
    if (!published) return undefined;
  }
  return { hostIp: hostIp === '' ? undefined : hostIp, published, target, protocol };
}

function parseLong(view: ComposeView, node: YMap): PortSpec {
  const t = judge(view, node.get('target'));
  const p = judge(view, node.get('published'));
  const ip = judge(view, node.get('host_ip'));
  const proto = judge(view, node.get('protocol'));
  const target = t ? parseRange(t.value) : undefined;
  const published = p && p.value !== '' ? parseRange(p.value) : undefined;
  const ipNode = node.get('host_ip');
  return {
    node,
    long: true,
    hostIp: ip?.value || undefined,
    hostIpNode: isScalar(ipNode) ? ipNode : undefined,
    published,
    target,
    protocol: proto?.value.toLowerCase() || 'tcp',
    certain: (t?.certain ?? true) && (p?.certain ?? true) && (ip?.certain ?? true) && (p === undefined || p.value === '' || published !== undefined),
    text: undefined,
  };
}

export function parseRange(text: string): PortRange | undefined {
  const m = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start > 65535 || end > 65535 || end < start) return undefined;
  return { start, end };
}

/** `0.0.0.0`, `::` and no address at all bind every interface. */
export function bindsEveryInterface(hostIp: string | undefined): boolean {
  if (hostIp === undefined) return true;
  const ip = hostIp.trim().replace(/^\[|\]$/g, '');
  return ip === '' || ip === '0.0.0.0' || ip === '::' || ip === '0:0:0:0:0:0:0:0';
}

export function isLoopback(hostIp: string | undefined): boolean {
  if (hostIp === undefined) return false;
  const ip = hostIp.trim().replace(/^\[|\]$/g, '').toLowerCase();
  return /^127\.\d+\.\d+\.\d+$/.test(ip) || ip === '::1' || ip === 'localhost';
}

export const rangeText = (r: PortRange): string => (r.start === r.end ? String(r.start) : `${r.start}-${r.end}`);

export const rangeSize = (r: PortRange): number => r.end - r.start + 1;

/** Where to report on a port: the scalar (short syntax), else host_ip, published or the first key of the mapping. */
export function portNode(port: PortSpec): YNode {
  if (!port.long || !isMap(port.node)) return port.node;
  return port.hostIpNode ?? port.node.get('published') ?? port.node.pairs[0]?.keyNode ?? port.node;
}
