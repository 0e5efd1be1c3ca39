import path from 'node:path';
import {
  debuggerPorts,
  defineRule,
  exposedPortsOf,
  healthcheckTest,
  innerRange,
  isMap,
  isScalar,
  portsOf,
  rangeText,
  type ExposedPort,
  type SourceFile,
  type Span,
  type YNode,
} from '../kit/index.js';

export default defineRule<'stack', Record<string, never>>({
  meta: {
    id: 'stack/exposed-ports',
    kind: 'stack',
    category: 'network',
    severity: 'info',
    fix: 'none',
    summary: 'The container ports a service publishes or healthchecks are ports its image `EXPOSE`s',
  },
  parts: [
    {
      scope: 'environment',
      check(ctx) {
        const { project, report } = ctx;
        for (const service of project.services) {
          if (project.valueOf(service.get('network_mode'))?.trim() === 'host') continue;
          const image = ctx.stack.serviceImage(service, project);
          if (!image) continue;
          const exposed = exposedPortsOf(image);
          // Only a Dockerfile that documents ports itself is held to them (a base image's EXPOSE is not the user's statement).
          if (!exposed.complete || !exposed.ports.some((p) => p.instruction)) continue;
          const file = image.build.inline ? 'its inline Dockerfile' : path.relative(project.directory, image.dockerfile.file.path).split(path.sep).join('/');
          const list = describe(exposed.ports);
          const where = `service "${service.name}"`;
          const notExposed = (start: number, end: number, protocol: string) =>
            !Array.from({ length: end - start + 1 }, (_, i) => start + i).every((p) => exposed.ports.some((e) => e.protocol === protocol && e.start <= p && p <= e.end));

          const debuggers = debuggerPorts(ctx.settings);
          const debug = (start: number, end: number) => debuggers.some((d) => d.start <= start && end <= d.end);
          for (const port of portsOf(project, service)) {
            if (!port.certain || !port.target || debug(port.target.start, port.target.end)) continue;
            const protocol = port.protocol.toLowerCase();
            if (!notExposed(port.target.start, port.target.end, protocol)) continue;
            const at = targetSpan(port.node, port.long);
            report({
              range: at.span,
              file: at.file,
              message: `${where} publishes container port ${rangeText(port.target)}${protocol === 'tcp' ? '' : `/${protocol}`}, but its image (built by ${file}) EXPOSEs only ${list}; check which port the service listens on`,
            });
          }
          for (const probe of healthcheckTest(project, service)?.ports ?? []) {
            if (!notExposed(probe.port, probe.port, 'tcp')) continue;
            report({
              range: probe,
              file: probe.file,
              message: `${where}'s healthcheck probes port ${probe.port}, but its image (built by ${file}) EXPOSEs only ${list}; check which port the service listens on`,
            });
          }
        }
      },
    },
  ],
});

function describe(ports: readonly ExposedPort[]): string {
  const texts = [...new Set(ports.map((p) => `${p.start === p.end ? p.start : `${p.start}-${p.end}`}${p.protocol === 'tcp' ? '' : `/${p.protocol}`}`))];
  return texts.join(', ');
}

/** The container part of a published port: after the last `:` of the short syntax, or the `target` of the long one. */
function targetSpan(node: YNode, long: boolean): { span: Span; file: SourceFile } {
  if (long && isMap(node)) {
    const target = node.get('target') ?? node;
    return { span: { start: target.start, end: target.end }, file: target.file };
  }
  if (isScalar(node) && node.value !== null) {
    const raw = String(node.value);
    const slash = raw.lastIndexOf('/');
    const body = slash < 0 ? raw : raw.slice(0, slash);
    const from = body.lastIndexOf(':') + 1;
    if (!raw.includes('$')) return { span: innerRange(node, from, body.length), file: node.file };
  }
  return { span: { start: node.start, end: node.end }, file: node.file };
}
