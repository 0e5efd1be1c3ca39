import { defineRule, flagValues, locate, portNode, portsOf, rangeSize, rangeText, type ComposeCall } from '../kit/index.js';

/** The subcommands that take `--scale SERVICE=N`. */
const SCALING = new Set(['up', 'create']);

export default defineRule<'stack', Record<string, never>>({
  meta: {
    id: 'stack/script-scale-conflicts',
    kind: 'stack',
    category: 'runtime',
    severity: 'error',
    fix: 'none',
    summary: 'A script\'s `docker compose up --scale SERVICE=N` does not scale a service with a fixed `container_name` or too few host ports',
  },
  check(ctx) {
    for (const call of ctx.stack.composeCalls()) {
      const project = call.project;
      if (!project || call.partial || !SCALING.has(call.subcommand ?? '')) continue;
      for (const scale of flagValues(call.command, '--scale')) {
        const m = /^([^=\s]+)=(\d+)$/.exec(scale.value ?? '');
        if (!m) continue;
        const [, name, count] = m as unknown as [string, string, string];
        const n = Number(count);
        const service = project.service(name);
        if (!service || n <= 1) continue;
        const at = { range: scale, file: scale.word.file };
        const what = `${tool(call)} ${call.subcommand} --scale ${name}=${n} starts ${n} containers of "${name}"`;
        const containerName = service.get('container_name');
        if (containerName !== undefined) {
          ctx.report({ ...at, message: `${what}, but it sets container_name (${locate(containerName, call.script)}), and container names are unique: only one can start` });
        }
        for (const port of portsOf(project, service)) {
          if (!port.certain || !port.published || rangeSize(port.published) >= n) continue;
          ctx.report({
            ...at,
            message: `${what}, but it publishes host port ${rangeText(port.published)} (${locate(portNode(port), call.script)}), which only ${rangeSize(port.published) === 1 ? 'one container' : `${rangeSize(port.published)} containers`} can bind; publish a range of ${n} ports or only the container port`,
          });
        }
      }
    }
  },
});

function tool(call: ComposeCall): string {
  return call.call.standaloneCompose ? call.call.tool : `${call.call.tool} compose`;
}
