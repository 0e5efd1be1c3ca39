import {
  defineRule,
  firstOutOfOrder,
  fixIn,
  isSeq,
  portsOf,
  rangeText,
  reorderEdits,
  sortedOrder,
  svc,
  type PortSpec,
  type YSeq,
} from '../kit/index.js';

/** Ports whose number depends on a variable first, then by host port (the container port when none is published), then protocol. */
function compare(a: PortSpec, b: PortSpec): number {
  const key = (p: PortSpec): number => (!p.certain ? -1 : (p.published?.start ?? p.target?.start ?? -1));
  return key(a) - key(b) || (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0);
}

export default defineRule<'compose', Record<string, never>>({
  meta: {
    id: 'compose/ports-order',
    kind: 'compose',
    category: 'style',
    severity: 'info',
    fix: 'safe',
    summary: 'Each service lists its ports in ascending order',
    compat: { dclint: ['service-ports-alphabetical-order'] },
    recommended: false,
  },
  check(ctx) {
    const compose = ctx.compose; // per file
    const found: { service: string; seq: YSeq; ports: PortSpec[]; wrong: { index: number; before: number } }[] = [];
    for (const service of compose.services) {
      const seq = service.get('ports');
      const ports = portsOf(compose, service);
      if (!isSeq(seq) || ports.length !== seq.items.length) continue;
      const wrong = firstOutOfOrder(ports, compare);
      if (wrong) found.push({ service: service.name, seq, ports, wrong });
    }
    const edits = reorderEdits(
      ctx.file,
      found.map((f) => ({ node: f.seq, order: sortedOrder(f.ports, compare), path: ['services', f.service, 'ports'] })),
    );
    for (const [i, { service: name, seq, ports, wrong }] of found.entries()) {
      const edit = edits[i];
      const text = (p: PortSpec): string =>
        p.node.type === 'scalar' ? String(p.node.value) : `${p.published ? rangeText(p.published) : ''}:${p.target ? rangeText(p.target) : '?'}`;
      ctx.report({
        node: ports[wrong.index]!.node,
        message: `${svc(name)}: port ${text(ports[wrong.index]!)} should come before ${text(ports[wrong.before]!)} (ports in ascending order)`,
        ...(edit ? { fix: fixIn(seq, 'sort the ports', [edit]) } : {}),
      });
    }
  },
});
